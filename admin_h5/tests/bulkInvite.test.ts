import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useBulkInvite } from '@/hr/stores/bulkInvite'

afterEach(() => vi.unstubAllGlobals())

describe('bulk invitations', () => {
  it('sends batches of ten, counts who was invited and keeps why the others were not', async () => {
    setActivePinia(createPinia())
    const batches: string[][] = []
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      const ids: string[] = (await request.json()).application_ids
      batches.push(ids)
      return new Response(JSON.stringify(ids.map((id) => (id === 'a7'
        ? { application_id: id, invited: false, reason: 'state_not_allowed', message: '已面试，不能再邀请' }
        : { application_id: id, invited: true }))), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }))
    const store = useBulkInvite()
    await store.start(Array.from({ length: 23 }, (_, i) => ({ id: `a${i}`, name: `候选人${i}` })))
    expect(batches.map((b) => b.length)).toEqual([10, 10, 3])
    expect(store.done).toBe(23)
    expect(store.invited).toBe(22)
    expect(store.failed).toEqual([{ name: '候选人7', message: '已面试，不能再邀请' }])
    expect(store.running).toBe(false)
  })
})
