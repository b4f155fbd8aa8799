import { describe, expect, it } from 'vitest'
import { usePagedList } from '@/shared/usePagedList'

const page = (items: number[], next: number | null) => Promise.resolve({
  data: items, response: new Response('[]', { status: 200, headers: { 'X-Pagination': JSON.stringify({ total: 3, next_page: next }) } }),
})

describe('usePagedList', () => {
  it('appends pages until the server says there is no next page', async () => {
    const list = usePagedList<number>((p) => (p === 1 ? page([1, 2], 2) : page([3], null)), 2)
    await list.loadMore()
    expect(list.items.value).toEqual([1, 2])
    expect(list.finished.value).toBe(false)
    await list.loadMore()
    expect(list.items.value).toEqual([1, 2, 3])
    expect(list.finished.value).toBe(true)
    expect(list.total.value).toBe(3)
  })

  it('keeps what it has and shows the error when a page fails', async () => {
    let fail = false
    const list = usePagedList<number>((p) => (fail
      ? Promise.resolve({ error: { reason: 'network' }, response: new Response('{}', { status: 503 }) })
      : page([p], p + 1)))
    await list.loadMore()
    fail = true
    await list.loadMore()
    expect(list.items.value).toEqual([1])
    expect(list.error.value).toBe('网络连接失败，请检查网络后重试')
  })
})
