// Infinite scroll over a flask-smorest paginated endpoint (page/page_size; metadata in the X-Pagination header).
import { ref, shallowRef } from 'vue'
import { ApiError, call } from '@/api/client'

type PageRequest<T> = (page: number, pageSize: number) => Promise<{ data?: T[]; error?: unknown; response: Response }>

export function usePagedList<T>(request: PageRequest<T>, pageSize = 20) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const finished = ref(false)
  const error = ref<string | null>(null)
  const total = ref<number | null>(null)
  let page = 0
  let generation = 0

  async function loadMore(): Promise<void> {
    if (finished.value) return
    const mine = generation
    loading.value = true
    error.value = null
    try {
      let response: Response | undefined
      const data = await call(request(page + 1, pageSize).then((r) => ((response = r.response), r)))
      if (mine !== generation) return // a reset came in while this page was on its way
      page += 1
      items.value = [...items.value, ...(data ?? [])]
      const meta = parsePagination(response?.headers.get('X-Pagination'))
      total.value = meta?.total ?? items.value.length
      finished.value = meta ? !meta.next_page : (data?.length ?? 0) < pageSize
    } catch (exc) {
      if (mine !== generation) return
      error.value = exc instanceof ApiError ? exc.message : String(exc)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function reset(): Promise<void> {
    generation += 1
    page = 0
    items.value = []
    total.value = null
    finished.value = false
    loading.value = false
    await loadMore()
  }

  return { items, loading, finished, error, total, loadMore, reset }
}

function parsePagination(header: string | null | undefined): { total?: number; next_page?: number } | null {
  if (!header) return null
  try {
    return JSON.parse(header)
  } catch {
    return null
  }
}
