// One recorded segment sent to the resumable upload server (/api/uploads/, tus 1.0.0) with tus-js-client:
// 5 MiB chunks, the file's SHA-256 announced in the metadata, resumed after a drop or a reload from its fingerprint
// (kept in localStorage until the server has the whole file), never created twice for the same segment.
import { Upload, type DetailedError } from 'tus-js-client'
import type { QueuedSegment } from './useIdbQueue'

export const CHUNK_SIZE = 5 * 1024 * 1024
export const UPLOAD_ENDPOINT = '/api/uploads/'

/** The server refused the segment for good: retrying cannot help (the candidate retakes, or the server already has it). */
export class SegmentRefused extends Error {
  constructor(readonly status: number, readonly reason: string, message: string) {
    super(message)
    this.name = 'SegmentRefused'
  }
}

// Reasons meaning nothing is left to send: the server holds this segment or this answer already, or the attempt was
// replaced by a retake. The segment leaves the queue.
export const ALREADY_THERE = new Set(['segment_exists', 'answer_submitted', 'answer_superseded'])
// Refusals by the server's rules (time over, unreadable, too long…): retrying would only fail again.
const FINAL_STATUSES = new Set([400, 404, 409, 413, 415, 422])

/** The server's reason when it refused the segment for good; null for what a later try can fix (network, expiry). */
export function refusal(err: unknown): { status: number; reason: string; message: string } | null {
  const response = (err as DetailedError | undefined)?.originalResponse
  if (!response) return null
  const status = response.getStatus()
  let body: { reason?: string; code?: string; message?: string } = {}
  try {
    body = JSON.parse(response.getBody() || '{}')
  } catch {
    body = {}
  }
  const reason = body.reason || body.code || ''
  // The upload itself is gone, expired or damaged: the next try asks the server again and starts a new one.
  if (reason.startsWith('upload_') || reason === 'offset_mismatch' || reason === 'checksum_mismatch' || reason === 'file_checksum_mismatch') return null
  if (FINAL_STATUSES.has(status)) return { status, reason: reason || `http_${status}`, message: body.message || '' }
  return null
}

export function segmentMetadata(item: QueuedSegment): Record<string, string> {
  const ext = item.mime.includes('mp4') ? 'mp4' : item.mime.includes('ogg') ? 'ogg' : 'webm'
  return {
    answer_id: item.answerId,
    segment_index: String(item.index),
    // Left empty until the last segment is recorded: the server then waits for that one to announce the count.
    segment_count: item.count == null ? '' : String(item.count),
    sha256: item.sha256,
    filename: `segment-${item.index}.${ext}`,
    filetype: item.mime,
  }
}

export interface UploadOptions {
  token: () => string | null
  onProgress?: (sent: number, total: number) => void
  /** Retries inside one attempt; the queue retries later (back online, after a reload) when these run out. */
  retryDelays?: number[]
  endpoint?: string
}

/** Upload one queued segment; resolves when the server has it, rejects with SegmentRefused or a transient error. */
export function uploadSegment(item: QueuedSegment, options: UploadOptions): { promise: Promise<void>; abort: () => void } {
  let upload: Upload | null = null
  const promise = new Promise<void>((resolve, reject) => {
    upload = new Upload(item.blob, {
      endpoint: options.endpoint ?? UPLOAD_ENDPOINT,
      chunkSize: CHUNK_SIZE,
      metadata: segmentMetadata(item),
      retryDelays: options.retryDelays ?? [0, 1000, 3000, 5000],
      removeFingerprintOnSuccess: true,
      storeFingerprintForResuming: true,
      // One fingerprint per answer segment: after a reload the same segment resumes the same upload, never a new one.
      fingerprint: async () => `qingpin-segment:${item.key}:${item.sha256}`,
      onBeforeRequest(req) {
        const token = options.token()
        if (token) req.setHeader('Authorization', `Bearer ${token}`)
      },
      onShouldRetry(err) {
        if (refusal(err)) return false
        return typeof navigator === 'undefined' || navigator.onLine !== false
      },
      onProgress: (sent, total) => options.onProgress?.(sent, total),
      onSuccess: () => resolve(),
      onError(err) {
        const refused = refusal(err)
        if (refused && ALREADY_THERE.has(refused.reason)) resolve()
        else if (refused) reject(new SegmentRefused(refused.status, refused.reason, refused.message))
        else reject(err)
      },
    })
    const current = upload
    current
      .findPreviousUploads()
      .then((previous) => {
        if (previous.length) current.resumeFromPreviousUpload(previous[0])
        current.start()
      })
      .catch(reject)
  })
  return { promise, abort: () => void (upload as Upload | null)?.abort() }
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
