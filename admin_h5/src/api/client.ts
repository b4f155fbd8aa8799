// The one API client of every H5 entry: typed by schema.d.ts (generated from /api/openapi.json), a bearer token
// from the entry's session, the server's error shape turned into ApiError, and 401 handed to the entry (→ login).
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths, components } from './schema'
import { describeError } from '@/shared/errors'

export type Schemas = components['schemas']

export interface ErrorBody {
  code?: number
  status?: string
  message?: string
  reason?: string
  errors?: Record<string, unknown>
}

export class ApiError extends Error {
  readonly status: number
  readonly reason?: string
  readonly fieldErrors: Record<string, string>
  readonly body: ErrorBody

  constructor(status: number, body: ErrorBody) {
    super(describeError(status, body))
    this.name = 'ApiError'
    this.status = status
    this.reason = body.reason
    this.body = body
    this.fieldErrors = flattenFieldErrors(body.errors)
  }
}

/** {"json": {"email": ["Not a valid email."]}} → {"email": "Not a valid email."} (the form shows it beside the field). */
export function flattenFieldErrors(errors: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!errors || typeof errors !== 'object') return out
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    const path = ['json', 'query', 'form', 'files', 'headers'].includes(key) && !prefix ? '' : prefix ? `${prefix}.${key}` : key
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[path || key] = value.join('；')
    else Object.assign(out, flattenFieldErrors(value, path))
  }
  return out
}

export interface SessionStore {
  token(): string | null
  /** The server refused the token (expired or revoked): forget it and send the user to log in again. */
  expired(): void
}

export function createApi(session: SessionStore) {
  const client = createClient<paths>({ baseUrl: '' })
  const auth: Middleware = {
    onRequest({ request }) {
      const token = session.token()
      if (token) request.headers.set('Authorization', `Bearer ${token}`)
      return request
    },
    onResponse({ response }) {
      if (response.status === 401 && session.token()) session.expired()
      return response
    },
  }
  client.use(auth)
  return client
}

export type Api = ReturnType<typeof createApi>

/** Await an openapi-fetch call and return its data, or throw ApiError (network failures become status 0). */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await request
  } catch (exc) {
    throw new ApiError(0, { message: String(exc), reason: 'network' })
  }
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error && typeof result.error === 'object' ? result.error : { message: String(result.error ?? '') }) as ErrorBody
    throw new ApiError(result.response.status, body)
  }
  return result.data as T
}

/** Fetch a binary (PNG, xlsx, .ics) with the session's token; the caller saves or shows it. */
export async function fetchBlob(session: SessionStore, url: string): Promise<Blob> {
  const token = session.token()
  let response: Response
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch (exc) {
    throw new ApiError(0, { message: String(exc), reason: 'network' })
  }
  if (!response.ok) {
    let body: ErrorBody = {}
    try { body = await response.json() } catch { body = { message: response.statusText } }
    if (response.status === 401) session.expired()
    throw new ApiError(response.status, body)
  }
  return response.blob()
}
