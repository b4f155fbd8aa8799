const { wx, useMemoryStorage, settle } = require('./wx-helpers')
const { createClient, TOKEN_STORAGE_KEY } = require('../../services/request')
const { ApiError } = require('../../services/errors')

const BASE = 'https://api.test'

// A server behind the spied wx.request: `routes` maps "METHOD /path" to (options) => {statusCode, data}.
function serve(routes) {
  const calls = []
  jest.spyOn(wx, 'request').mockImplementation((options) => {
    calls.push(options)
    const route = routes[`${options.method} ${options.url.replace(BASE, '')}`]
    setTimeout(() => {
      if (!route) return options.fail({ errMsg: 'request:fail timeout' })
      options.success({ errMsg: 'request:ok', header: {}, ...route(options) })
    }, 10)
    return { abort() {} }
  })
  return calls
}

let codes
beforeEach(() => {
  jest.useFakeTimers()
  useMemoryStorage()
  codes = 0
  jest.spyOn(wx, 'login').mockImplementation(({ success }) => setTimeout(() => success({ code: `code-${++codes}-xxxxxxxx` }), 5))
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

test('sign-in with an invitation stores our own token and sends it as a bearer token', async () => {
  const calls = serve({
    'POST /api/candidate/wechat/login': (o) => ({ statusCode: 201, data: { token: `t-${o.data.code}`, application_id: 'app-1' } }),
    'GET /api/candidate/status': () => ({ statusCode: 200, data: { label: '待预约' } }),
  })
  const client = createClient({ wx, baseUrl: BASE })
  const { value } = await settle(client.login({ invitationToken: 'invite-token-1234567890' }))
  expect(value.application_id).toBe('app-1')
  expect(calls[0].data).toEqual({ code: 'code-1-xxxxxxxx', invitation_token: 'invite-token-1234567890' })
  expect(calls[0].header.Authorization).toBeUndefined()
  expect(wx.getStorageSync(TOKEN_STORAGE_KEY)).toEqual({ token: 't-code-1-xxxxxxxx', applicationId: 'app-1' })
  const status = await settle(client.get('/api/candidate/status'))
  expect(status.value).toEqual({ label: '待预约' })
  expect(calls[1].header.Authorization).toBe('Bearer t-code-1-xxxxxxxx')
})

test('an expired token is replaced by one silent re-login shared by concurrent calls, and the calls retried', async () => {
  wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 'old', applicationId: 'app-1' })
  const calls = serve({
    'POST /api/candidate/wechat/login': (o) => ({ statusCode: 201, data: { token: `new-${o.data.code}`, application_id: 'app-1' } }),
    'GET /api/candidate/status': (o) => (o.header.Authorization === 'Bearer old'
      ? { statusCode: 401, data: { code: 401, status: 'Unauthorized', reason: 'bad_token', message: 'expired' } }
      : { statusCode: 200, data: { label: '待面试' } }),
    'GET /api/candidate/messages': (o) => (o.header.Authorization === 'Bearer old'
      ? { statusCode: 401, data: { reason: 'bad_token' } } : { statusCode: 200, data: [] }),
  })
  const client = createClient({ wx, baseUrl: BASE })
  const both = Promise.all([client.get('/api/candidate/status'), client.get('/api/candidate/messages')])
  const { value } = await settle(both)
  expect(value).toEqual([{ label: '待面试' }, []])
  expect(wx.login).toHaveBeenCalledTimes(1)
  const logins = calls.filter((c) => c.url.endsWith('/wechat/login'))
  expect(logins).toHaveLength(1)
  expect(logins[0].data).toEqual({ code: 'code-1-xxxxxxxx' }) // no invitation: the server knows this WeChat user
  expect(client.session().token).toBe('new-code-1-xxxxxxxx')
})

test('when re-login finds no interview the session is cleared and the error says so in Chinese', async () => {
  wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 'old', applicationId: 'app-1' })
  serve({
    'POST /api/candidate/wechat/login': () => ({ statusCode: 404, data: { code: 404, status: 'Not Found', reason: 'no_linked_application', message: 'x' } }),
    'GET /api/candidate/status': () => ({ statusCode: 401, data: { reason: 'bad_token' } }),
  })
  const client = createClient({ wx, baseUrl: BASE })
  const { error } = await settle(client.get('/api/candidate/status'))
  expect(error).toBeInstanceOf(ApiError)
  expect(error).toMatchObject({ code: 401, reason: 'session_expired' })
  expect(error.message).toContain('登录已过期')
  expect(client.session()).toBeNull()
})

test('errors carry {code, status, reason, message} with a Chinese message; no response is a network error', async () => {
  wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 't', applicationId: 'a' })
  serve({
    'POST /api/candidate/booking': () => ({ statusCode: 409, data: { code: 409, status: 'Conflict', reason: 'slot_full', message: 'the slot is full' } }),
    'GET /api/candidate/unknown-reason': () => ({ statusCode: 409, data: { code: 409, status: 'Conflict', reason: 'brand_new', message: 'x' } }),
  })
  const client = createClient({ wx, baseUrl: BASE })
  const full = await settle(client.post('/api/candidate/booking', { slot_id: 's' }))
  expect(full.error).toMatchObject({ code: 409, status: 'Conflict', reason: 'slot_full', message: '该时段已约满，请选择其他时段。', detail: 'the slot is full' })
  const unknown = await settle(client.get('/api/candidate/unknown-reason'))
  expect(unknown.error.message).toBe('操作与当前状态冲突，请刷新后重试。')
  const offline = await settle(client.get('/api/candidate/nowhere'))
  expect(offline.error).toMatchObject({ code: 0, reason: 'timeout' })
  expect(offline.error.message).toMatch(/[\u4e00-\u9fa5]/)
})

test('multipart uploads go through wx.uploadFile with the token and parse the text body', async () => {
  wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 't', applicationId: 'a' })
  jest.spyOn(wx, 'uploadFile').mockImplementation((o) => {
    setTimeout(() => o.success({ statusCode: 200, data: JSON.stringify({ ok: true, url: o.url, auth: o.header.Authorization, form: o.formData }) }), 1)
  })
  const client = createClient({ wx, baseUrl: BASE })
  const { value } = await settle(client.upload('/api/candidate/documents', { filePath: 'wxfile://tmp/a.pdf', formData: { kind: 'resume' } }))
  expect(value).toEqual({ ok: true, url: `${BASE}/api/candidate/documents`, auth: 'Bearer t', form: { kind: 'resume' } })
})

test('wx.login failing (no network) is a network error in Chinese, not a raw errMsg', async () => {
  wx.login.mockImplementation(({ fail }) => setTimeout(() => fail({ errMsg: 'login:fail network error' }), 5))
  const client = createClient({ wx, baseUrl: BASE })
  const { error } = await settle(client.login({ invitationToken: 'invite-token-1234567890' }))
  expect(error).toBeInstanceOf(ApiError)
  expect(error).toMatchObject({ code: 0, reason: 'network_error' })
})
