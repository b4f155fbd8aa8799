// The portal's upload queue: every recorded segment goes to IndexedDB first, then to the server with tus; it leaves
// the queue only when the server has it. Runs one upload at a time, resumes by itself when the network returns and
// when the portal is opened again (reload, closed tab), and tells each answer's page how far its upload is.
import { reactive } from 'vue'
import { useIdbQueue, segmentKey, type QueuedSegment, type SegmentQueue } from '@/shared/useIdbQueue'
import { session } from './api'

export interface AnswerProgress {
  bytesTotal: number
  bytesSent: number
  segmentsLeft: number
}

export interface Refusal {
  reason: string
  message: string
}

export const uploads = reactive({
  /** Per answer id: what is still to send. */
  progress: {} as Record<string, AnswerProgress>,
  /** Per answer id: the server refused a segment (retake needed), with its reason. */
  refused: {} as Record<string, Refusal>,
  online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
  sending: false,
  waitingForNetwork: false,
  lastError: '' as string,
})

let queue: SegmentQueue = useIdbQueue()
const sent: Record<string, number> = {}
let running: Promise<void> | null = null
let retryTimer: ReturnType<typeof setTimeout> | null = null
let abortCurrent: (() => void) | null = null
/** tus-js-client and the uploader load with the first segment to send, not with the portal's first screen. */
let tus: typeof import('@/shared/useTusUpload') | null = null

export function useQueue(custom: SegmentQueue) {
  queue = custom // tests
}

export const hasUnsent = () => Object.values(uploads.progress).some((p) => p.segmentsLeft > 0)

async function refreshProgress() {
  const items = await queue.all()
  const progress: Record<string, AnswerProgress> = {}
  for (const item of items) {
    const p = (progress[item.answerId] ??= { bytesTotal: 0, bytesSent: 0, segmentsLeft: 0 })
    p.bytesTotal += item.size
    p.bytesSent += Math.min(sent[item.key] ?? 0, item.size)
    p.segmentsLeft += 1
  }
  uploads.progress = progress
}

/** Keep a finished segment (IndexedDB) and send it as soon as possible. */
export async function enqueueSegment(item: Omit<QueuedSegment, 'key' | 'createdAt'>) {
  const full: QueuedSegment = { ...item, key: segmentKey(item.answerId, item.index), createdAt: Date.now() }
  await queue.put(full)
  if (item.count != null) await queue.setCount(item.answerId, item.count)
  await refreshProgress()
  kick()
}

export async function announceCount(answerId: string, count: number) {
  await queue.setCount(answerId, count)
}

/** Start sending (if not already); safe to call any time. */
export function kick(): Promise<void> {
  if (retryTimer) {
    clearTimeout(retryTimer)
    retryTimer = null
  }
  running ??= drain().finally(() => {
    running = null
  })
  return running
}

async function drain() {
  uploads.sending = true
  try {
    for (;;) {
      const items = await queue.all()
      await refreshProgress()
      if (!items.length) return
      const item = items[0]
      if (!session.token()) return // signed out: the queue waits for the next visit
      try {
        tus ??= await import('@/shared/useTusUpload') // a failed load is retried like a failed upload
        const job = tus.uploadSegment(item, {
          token: () => session.token(),
          onProgress: (bytes) => {
            sent[item.key] = bytes
            const p = uploads.progress[item.answerId]
            if (p) p.bytesSent = Math.min(p.bytesTotal, sumSent(item.answerId, items))
          },
        })
        abortCurrent = job.abort
        await job.promise
        uploads.waitingForNetwork = false
        uploads.lastError = ''
      } catch (exc) {
        if (tus && exc instanceof tus.SegmentRefused) {
          uploads.refused[item.answerId] = { reason: exc.reason, message: exc.message }
        } else {
          uploads.lastError = String((exc as Error)?.message ?? exc)
          uploads.waitingForNetwork = true
          retryTimer = setTimeout(() => void kick(), navigator.onLine === false ? 15000 : 4000)
          return
        }
      } finally {
        abortCurrent = null
      }
      delete sent[item.key]
      await queue.remove(item.key)
    }
  } finally {
    uploads.sending = false
    await refreshProgress()
  }
}

function sumSent(answerId: string, items: QueuedSegment[]) {
  return items.filter((i) => i.answerId === answerId).reduce((total, i) => total + Math.min(sent[i.key] ?? 0, i.size), 0)
}

/** Drop what is queued for an answer the candidate gave up (a retake replaces it). */
export async function forgetAnswer(answerId: string) {
  for (const item of await queue.all()) if (item.answerId === answerId) await queue.remove(item.key)
  delete uploads.refused[answerId]
  await refreshProgress()
}

export async function queuedFor(answerId: string): Promise<QueuedSegment[]> {
  return (await queue.all()).filter((i) => i.answerId === answerId)
}

let installed = false
/** Once per page load: resume what an earlier visit left, follow the network, warn before closing while unsent. */
export function installUploadQueue() {
  if (installed || typeof window === 'undefined') return
  installed = true
  window.addEventListener('online', () => {
    uploads.online = true
    abortCurrent = null
    void kick()
  })
  window.addEventListener('offline', () => {
    uploads.online = false
  })
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsent()) return
    event.preventDefault()
    event.returnValue = '录像还没有上传完，离开后会在下次打开时继续上传。确定离开吗？'
  })
  void refreshProgress().then(() => kick())
}
