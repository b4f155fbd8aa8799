// The invitation link's first screen on a slow phone. The link's token is exchanged for a session before the portal
// has even loaded (index.html's early-exchange.js starts the request; without it, the invitation page sends it), and
// the landing's data is requested the moment the session exists: the candidate waits for one chain of round trips,
// not for chunk loads and script start-up between them.
import { api, session } from './api'
import { call, type Schemas } from '@/api/client'
import { loadJourney, type Journey } from './journey'

/** How long a journey fetched ahead stays good for the home page (after that it is read again). */
const FRESH_MS = 10_000

let exchange: { token: string; promise: Promise<void> } | null = null
let ahead: { promise: Promise<Journey>; at: number } | null = null

type SessionAnswer = Schemas['Session']

declare global {
  interface Window {
    /** Started by early-exchange.js from index.html, before this bundle arrived. */
    __qingpinInvitation?: { token: string; response: Promise<Response> }
  }
}

/** The exchange index.html's early script started for this token (taken once), as the API client would answer it. */
function takeEarlyExchange(token: string): Promise<SessionAnswer> | null {
  const early = typeof window === 'undefined' ? undefined : window.__qingpinInvitation
  if (!early) return null
  delete window.__qingpinInvitation
  if (early.token !== token) return null
  return call(early.response.then(async (response) => {
    const body = await response.json().catch(() => ({ message: response.statusText }))
    return response.ok ? { data: body as SessionAnswer, response } : { error: body, response }
  }))
}

/** Exchange the link's token for the candidate's session once; a failed exchange can be tried again. */
export function exchangeInvitation(token: string): Promise<void> {
  if (exchange?.token === token) return exchange.promise
  const answer = takeEarlyExchange(token) ?? call(api.POST('/api/candidate/session', { body: { invitation_token: token } }))
  const promise = answer.then((data) => {
    session.signIn(data.token!, data.expires_at ?? null, { applicationId: data.application_id! })
    prefetchJourney()
  })
  const current = { token, promise }
  exchange = current
  promise.catch(() => {
    if (exchange === current) exchange = null
  })
  return promise
}

/** Start reading the landing's data now; the home page takes it instead of asking again. */
export function prefetchJourney() {
  const promise = loadJourney()
  promise.catch(() => {}) // the home page reports a failure when it takes the result
  ahead = { promise, at: Date.now() }
}

/** The journey fetched ahead (once, while fresh), else a new read. */
export function takeJourney(): Promise<Journey> {
  const prefetched = ahead
  ahead = null
  if (prefetched && Date.now() - prefetched.at < FRESH_MS) return prefetched.promise
  return loadJourney()
}
