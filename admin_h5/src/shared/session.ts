// An entry's login session: the bearer token in localStorage (never in a URL), its expiry, and who is told when
// the server refuses it.
import { reactive } from 'vue'
import type { SessionStore } from '@/api/client'

export interface Session<U> extends SessionStore {
  state: { token: string | null; expiresAt: string | null; user: U | null }
  signIn(token: string, expiresAt: string | null, user: U | null): void
  signOut(): void
  onExpired(listener: () => void): void
}

export function createSession<U>(key: string, storage: Storage = window.localStorage): Session<U> {
  const saved = read(storage, key)
  const state = reactive({ token: saved?.token ?? null, expiresAt: saved?.expiresAt ?? null, user: (saved?.user ?? null) as U | null })
  const listeners: Array<() => void> = []
  if (state.expiresAt && Date.parse(state.expiresAt) <= Date.now()) clear()

  function clear() {
    state.token = null
    state.expiresAt = null
    state.user = null
    storage.removeItem(key)
  }

  return {
    state: state as Session<U>['state'],
    token: () => {
      if (state.token && state.expiresAt && Date.parse(state.expiresAt) <= Date.now()) {
        clear()
        listeners.forEach((l) => l())
      }
      return state.token
    },
    signIn(token, expiresAt, user) {
      state.token = token
      state.expiresAt = expiresAt
      state.user = user as typeof state.user
      storage.setItem(key, JSON.stringify({ token, expiresAt, user }))
    },
    signOut: clear,
    expired() {
      clear()
      listeners.forEach((l) => l())
    },
    onExpired(listener) {
      listeners.push(listener)
    },
  }
}

function read(storage: Storage, key: string): { token: string; expiresAt: string | null; user: unknown } | null {
  try {
    const raw = storage.getItem(key)
    return raw ? JSON.parse(raw) : null
  } catch {
    storage.removeItem(key) // a corrupt entry is a signed-out session, not a broken page
    return null
  }
}
