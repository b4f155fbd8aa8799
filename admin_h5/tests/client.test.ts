import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, call, createApi, flattenFieldErrors } from '@/api/client'
import { describeError } from '@/shared/errors'
import { createSession } from '@/shared/session'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => vi.unstubAllGlobals())

describe('errors in Chinese', () => {
  it('maps a known reason, keeps a Chinese server message, falls back by status', () => {
    expect(describeError(409, { reason: 'slot_full', message: 'slot is full' })).toBe('该时段已约满，请选择其他时段')
    expect(describeError(422, { message: '身份证号校验失败' })).toBe('身份证号校验失败')
    expect(describeError(404, { message: 'no such job' })).toBe('内容不存在或已被删除')
    expect(describeError(503, {})).toBe('服务暂时不可用，请稍后重试')
    expect(describeError(418, { message: 'teapot' })).toBe('请求失败（418）')
  })

  it('flattens marshmallow field errors for the form', () => {
    expect(flattenFieldErrors({ json: { email: ['Not a valid email.'], candidate: { phone: ['bad', 'short'] } } }))
      .toEqual({ email: 'Not a valid email.', 'candidate.phone': 'bad；short' })
  })
})

describe('the API client', () => {
  it('sends the bearer token and returns data', async () => {
    const fetchMock = vi.fn(async (request: Request) => {
      expect(request.headers.get('Authorization')).toBe('Bearer t0k')
      return json(200, { id: 'u1', email: 'a@b.c', name: '甲', role: 'admin', organization_id: 'o' })
    })
    vi.stubGlobal('fetch', fetchMock)
    const session = createSession<unknown>('test.session.a', window.sessionStorage)
    session.signIn('t0k', new Date(Date.now() + 3600_000).toISOString(), null)
    const api = createApi(session)
    const me = await call(api.GET('/api/auth/me'))
    expect(me.name).toBe('甲')
    expect(fetchMock).toHaveBeenCalledOnce()
  })

  it('turns a refused token into a signed-out session and tells the entry', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { code: 401, status: 'Unauthorized', reason: 'bad_token', message: 'expired' })))
    const session = createSession<unknown>('test.session.b', window.sessionStorage)
    session.signIn('old', null, null)
    const expired = vi.fn()
    session.onExpired(expired)
    const error = await call(createApi(session).GET('/api/auth/me')).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(401)
    expect(error.message).toBe('登录已过期，请重新登录')
    expect(expired).toHaveBeenCalledOnce()
    expect(session.token()).toBeNull()
  })

  it('reports a network failure as status 0 with a Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const session = createSession<unknown>('test.session.c', window.sessionStorage)
    const error = await call(createApi(session).GET('/api/jobs')).catch((e) => e)
    expect(error.status).toBe(0)
    expect(error.message).toContain('网络')
  })
})

describe('the session', () => {
  it('forgets an expired or corrupt saved session', () => {
    window.sessionStorage.setItem('test.session.d', JSON.stringify({ token: 'x', expiresAt: new Date(Date.now() - 1000).toISOString() }))
    expect(createSession('test.session.d', window.sessionStorage).token()).toBeNull()
    window.sessionStorage.setItem('test.session.e', '{not json')
    expect(createSession('test.session.e', window.sessionStorage).token()).toBeNull()
    expect(window.sessionStorage.getItem('test.session.e')).toBeNull()
  })
})
