import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import source from '@/candidate/early-exchange.js?raw'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const SESSION = { token: 'cand-token', expires_at: '2026-12-31T00:00:00Z', application_id: 'app-1' }
const EMPTY_JOURNEY: Record<string, unknown> = {
  '/api/candidate/interview': { state: 'invited', questions: [] },
  '/api/candidate/consents': { notices: [] },
  '/api/candidate/slots': { mode: 'slots' },
}

let calls: string[]
beforeEach(() => {
  calls = []
  localStorage.clear()
  vi.resetModules()
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init)
    const path = new URL(request.url).pathname
    calls.push(`${request.method} ${path}`)
    if (path === '/api/candidate/session') return json(201, SESSION)
    if (path in EMPTY_JOURNEY) return json(200, EMPTY_JOURNEY[path])
    return json(404, { code: 404, status: 'Not Found', reason: 'not_found', message: 'no' })
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  delete window.__qingpinInvitation
})

describe('the invitation landing', () => {
  it("takes the early script's exchange instead of sending its own, then fetches the landing's data once", async () => {
    window.__qingpinInvitation = { token: 'tok', response: Promise.resolve(json(201, SESSION)) }
    const { exchangeInvitation, takeJourney } = await import('@/candidate/landing')
    const { session } = await import('@/candidate/api')
    await Promise.all([exchangeInvitation('tok'), exchangeInvitation('tok')])
    expect(session.token()).toBe('cand-token')
    expect(calls.filter((c) => c.endsWith('/session'))).toEqual([]) // only the early request
    const journey = await takeJourney()
    expect(journey.interview.state).toBe('invited')
    expect(calls.filter((c) => c === 'GET /api/candidate/interview')).toHaveLength(1)
    await takeJourney() // taken once: a later visit reads again
    expect(calls.filter((c) => c === 'GET /api/candidate/interview')).toHaveLength(2)
  })

  it("ignores an early exchange of another token, and an expired link's refusal can be retried", async () => {
    window.__qingpinInvitation = { token: 'other', response: Promise.resolve(json(201, SESSION)) }
    const { exchangeInvitation } = await import('@/candidate/landing')
    await exchangeInvitation('tok')
    expect(calls).toContain('POST /api/candidate/session')

    window.__qingpinInvitation = { token: 'gone', response: Promise.resolve(json(404, { code: 404, status: 'Not Found', reason: 'invitation_invalid', message: 'x' })) }
    const refused = await exchangeInvitation('gone').catch((exc) => exc)
    const { ApiError } = await import('@/api/client') // this test's module instance (modules are reset per test)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toContain('邀请链接已失效')
    expect(refused.status).toBe(404)
    await exchangeInvitation('gone').catch(() => null) // a new attempt, through the API client this time
    expect(calls.filter((c) => c === 'POST /api/candidate/session')).toHaveLength(2)
  })

  it('early-exchange.js posts the link token and leaves other pages alone', () => {
    const run = (pathname: string) => {
      const fetchSpy = vi.fn(() => Promise.resolve(json(201, SESSION)))
      const fakeWindow: Record<string, unknown> = { location: { pathname }, fetch: fetchSpy }
      new Function('window', source)(fakeWindow)
      return { fetchSpy, fakeWindow }
    }
    const { fetchSpy, fakeWindow } = run('/h5/c/i/t%C3%A9st')
    expect(fetchSpy).toHaveBeenCalledWith('/api/candidate/session', expect.objectContaining({ method: 'POST', body: JSON.stringify({ invitation_token: 'tést' }) }))
    expect((fakeWindow.__qingpinInvitation as { token: string }).token).toBe('tést')
    expect(run('/h5/c/status').fetchSpy).not.toHaveBeenCalled()
  })
})
