// Document photos go up in one multipart request with upload progress (fetch reports none), then the page polls the
// document until the `ocr` queue has read it.
import { ApiError, call, type ErrorBody, type Schemas } from '@/api/client'
import { api, session } from './api'

export type OnboardingDocument = Schemas['OnboardingDocument']

export const KINDS: Array<{ kind: string; label: string; hint: string }> = [
  { kind: 'id_card_front', label: '身份证人像面', hint: '平放在深色桌面上，四角完整，避免反光' },
  { kind: 'id_card_back', label: '身份证国徽面', hint: '有效期限清晰可见' },
  { kind: 'bank_card', label: '工资卡', hint: '卡号一面，数字清晰' },
  { kind: 'diploma', label: '毕业证书', hint: '整页拍摄' },
  { kind: 'degree', label: '学位证书', hint: '整页拍摄' },
  { kind: 'medical_report', label: '入职体检报告', hint: '首页或结论页' },
  { kind: 'resignation_certificate', label: '离职证明', hint: '上一家单位出具，盖章清晰' },
]

export function uploadDocument(kind: string, file: File, onProgress: (percent: number) => void): Promise<OnboardingDocument> {
  return new Promise((resolve, reject) => {
    const body = new FormData()
    body.append('kind', kind)
    body.append('file', file, file.name || `${kind}.jpg`)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/onboard/documents')
    const token = session.token()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((100 * event.loaded) / event.total))
    xhr.onerror = () => reject(new ApiError(0, { reason: 'network' }))
    xhr.onload = () => {
      let data: unknown = null
      try { data = JSON.parse(xhr.responseText) } catch { data = { message: xhr.statusText } }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as OnboardingDocument)
      else {
        if (xhr.status === 401) session.expired()
        reject(new ApiError(xhr.status, (data ?? {}) as ErrorBody))
      }
    }
    xhr.send(body)
  })
}

const PENDING = ['queued', 'processing']

/** The document once read (or asking for a retake); gives up after `timeoutMs` and returns it as it is. */
export async function waitUntilRead(id: string, timeoutMs = 120_000, everyMs = 1500): Promise<OnboardingDocument> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const document = await call(api.GET('/api/onboard/documents/{document_id}', { params: { path: { document_id: id } } }))
    if (!PENDING.includes(document.status ?? '') || Date.now() > deadline) return document
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
