import { api } from './api'
import { call } from '@/api/client'
import type { Notice } from './journey'

export const KIND_LABELS: Record<string, string> = { media: '录音录像授权', ai_evaluation: '关于 AI 评估' }

/** Give, refuse or withdraw one consent, for exactly the notice version and text the candidate read. */
export function decide(notice: Notice, granted: boolean) {
  return call(api.POST('/api/candidate/consents', {
    body: { kind: notice.kind as 'media' | 'ai_evaluation', granted, notice_version: notice.version!, text_sha256: notice.text_sha256!, channel: 'h5' },
  }))
}
