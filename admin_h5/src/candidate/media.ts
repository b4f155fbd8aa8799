// What the pages tell a candidate when the camera or microphone cannot be used.
import { ApiError, type ErrorBody } from '@/api/client'
import { session } from './api'

export const MEDIA_HELP: Record<string, { title: string; steps: string[] }> = {
  denied: {
    title: '没有摄像头或麦克风权限',
    steps: [
      '点地址栏左侧的锁形图标（或浏览器右上角菜单「网站设置」），把「摄像头」和「麦克风」改为「允许」。',
      'iPhone：打开「设置 › Safari 浏览器 › 摄像头 / 麦克风」，选「询问」或「允许」。',
      '微信内打开：点右上角「…」，选「在浏览器打开」，或在手机「设置 › 微信」中允许摄像头和麦克风。',
      '改好后点下面的「重试」。',
    ],
  },
  missing: { title: '没有找到摄像头或麦克风', steps: ['请确认设备有摄像头和麦克风，耳机或外接设备已连好。', '换一台手机或电脑再试。'] },
  busy: { title: '摄像头或麦克风正被其他应用占用', steps: ['关闭正在通话、录像或开会的应用，然后重试。'] },
  insecure: { title: '当前页面无法使用摄像头', steps: ['请用邀请链接中的 https 地址打开本页面。'] },
  unknown: { title: '摄像头或麦克风无法启动', steps: ['请重试；仍不行时换一个浏览器（Chrome、Safari、Edge 最新版）。'] },
}

/** POST a recording (multipart `file`) with the session's token; the JSON response or an ApiError. */
export async function postRecording<T>(url: string, blob: Blob, filename: string, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  form.append('file', blob, filename)
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', body: form, headers: { Authorization: `Bearer ${session.token() ?? ''}` } })
  } catch (exc) {
    throw new ApiError(0, { message: String(exc), reason: 'network' })
  }
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    if (response.status === 401) session.expired()
    throw new ApiError(response.status, body as ErrorBody)
  }
  return body as T
}

export const extensionFor = (mime: string) => (mime.includes('mp4') ? 'mp4' : mime.includes('ogg') ? 'ogg' : 'webm')
