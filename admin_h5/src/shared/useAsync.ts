// One loader for a page's data: loading, error (Chinese message) and a retry, so no page is ever blank.
import { ref, shallowRef } from 'vue'
import { ApiError } from '@/api/client'

export function useAsync<T>(load: () => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const status = ref<number | null>(null)

  async function run(): Promise<T | null> {
    loading.value = true
    error.value = null
    try {
      data.value = await load()
      return data.value
    } catch (exc) {
      error.value = exc instanceof ApiError ? exc.message : '加载失败，请重试'
      status.value = exc instanceof ApiError ? exc.status : null
      if (!(exc instanceof ApiError)) console.error(exc)
      return null
    } finally {
      loading.value = false
    }
  }

  return { data, loading, error, status, run }
}
