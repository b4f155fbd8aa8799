// Toasts and confirmations (Vant's function APIs need their styles imported by hand).
import { showToast, showSuccessToast, showFailToast, showConfirmDialog, showLoadingToast, closeToast } from 'vant'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import { ApiError } from '@/api/client'

export function toastError(exc: unknown): void {
  const message = exc instanceof ApiError ? exc.message : '操作失败，请重试'
  if (!(exc instanceof ApiError)) console.error(exc)
  showFailToast({ message, wordBreak: 'break-word' })
}

export const toastOk = (message: string) => showSuccessToast(message)
export const toast = (message: string) => showToast({ message, wordBreak: 'break-word' })
export const busy = (message = '请稍候…') => showLoadingToast({ message, forbidClick: true, duration: 0 })
export const done = () => closeToast()

/** Ask before an action that matters; resolves false when the user cancels. */
export async function confirm(message: string, title = '请确认'): Promise<boolean> {
  try {
    await showConfirmDialog({ title, message, confirmButtonText: '确定', cancelButtonText: '取消' })
    return true
  } catch {
    return false
  }
}
