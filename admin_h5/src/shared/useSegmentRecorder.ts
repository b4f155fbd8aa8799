// Records one answer as standalone segments: a NEW MediaRecorder for each segment of at most `segmentSeconds`,
// so every file has its own header and plays alone; each finished segment is handed over at once (to be queued and
// uploaded) while the next one records. Nothing is held in memory beyond the segment being recorded.

export type RecorderState = 'idle' | 'recording' | 'stopping' | 'stopped' | 'failed'

export interface FinishedSegment {
  index: number
  blob: Blob
  mime: string
  /** The answer's last segment (recording stopped): its index + 1 is the answer's segment count. */
  last: boolean
  seconds: number
}

export interface SegmentRecorderOptions {
  segmentSeconds: number
  onSegment: (segment: FinishedSegment) => void | Promise<void>
  onError?: (error: unknown) => void
  mimeType?: string | null
  /** For tests: the MediaRecorder constructor and the clock. */
  Recorder?: typeof MediaRecorder
  now?: () => number
}

const CANDIDATE_TYPES = [
  'video/webm;codecs=vp8,opus',
  'video/webm;codecs=vp9,opus',
  'video/webm',
  'video/mp4;codecs=avc1,mp4a', // iOS Safari
  'video/mp4',
]

/** The first recording format this browser supports (webm/opus on Chromium and Android, mp4 on iOS); null when none. */
export function pickMimeType(Recorder: typeof MediaRecorder | undefined = globalThis.MediaRecorder): string | null {
  if (!Recorder) return null
  if (typeof Recorder.isTypeSupported !== 'function') return ''
  return CANDIDATE_TYPES.find((type) => Recorder.isTypeSupported(type)) ?? ''
}

export const canRecord = () => typeof globalThis.MediaRecorder === 'function' && !!globalThis.navigator?.mediaDevices?.getUserMedia

export function createSegmentRecorder(stream: MediaStream, options: SegmentRecorderOptions) {
  const Recorder = options.Recorder ?? globalThis.MediaRecorder
  const now = options.now ?? (() => Date.now())
  const mimeType = options.mimeType === undefined ? pickMimeType(Recorder) : options.mimeType
  let state: RecorderState = 'idle'
  let index = 0
  let current: { recorder: MediaRecorder; index: number; startedAt: number; done: Promise<void> } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let startedAt = 0
  const pending = new Set<Promise<void>>()

  function open(segmentIndex: number) {
    const recorder = new Recorder(stream, {
      ...(mimeType ? { mimeType } : {}),
      videoBitsPerSecond: 400_000,
      audioBitsPerSecond: 96_000,
    })
    const chunks: Blob[] = []
    const began = now()
    const done = new Promise<void>((resolve) => {
      recorder.ondataavailable = (event: BlobEvent) => {
        if (event.data && event.data.size) chunks.push(event.data)
      }
      recorder.onstop = () => {
        const type = recorder.mimeType || mimeType || chunks[0]?.type || 'video/webm'
        const segment: FinishedSegment = {
          index: segmentIndex,
          blob: new Blob(chunks, { type }),
          mime: type,
          last: state === 'stopping' || state === 'stopped',
          seconds: (now() - began) / 1000,
        }
        chunks.length = 0
        Promise.resolve(options.onSegment(segment)).catch((exc) => options.onError?.(exc)).finally(resolve)
      }
      recorder.onerror = (event: Event) => {
        state = 'failed'
        options.onError?.((event as ErrorEvent).error ?? event)
        resolve()
      }
    })
    pending.add(done)
    void done.finally(() => pending.delete(done))
    recorder.start()
    current = { recorder, index: segmentIndex, startedAt: began, done }
    schedule()
  }

  function schedule() {
    if (timer) clearTimeout(timer)
    timer = setTimeout(rotate, Math.max(1000, options.segmentSeconds * 1000 - 150))
  }

  function rotate() {
    if (state !== 'recording' || !current) return
    const previous = current
    index += 1
    open(index) // the next recorder runs before the previous one stops: no gap in the answer
    previous.recorder.stop()
  }

  return {
    get state() {
      return state
    },
    get segmentIndex() {
      return current?.index ?? 0
    },
    get elapsedSeconds() {
      return state === 'recording' ? (now() - startedAt) / 1000 : 0
    },
    mimeType,
    start() {
      if (state !== 'idle') throw new Error(`recorder already ${state}`)
      state = 'recording'
      startedAt = now()
      open(0)
    },
    /** Stop recording: the current segment becomes the last one; resolves once every segment was handed over. */
    async stop(): Promise<{ count: number }> {
      if (state !== 'recording') {
        await Promise.all([...pending])
        return { count: index + 1 }
      }
      state = 'stopping'
      if (timer) clearTimeout(timer)
      if (current && current.recorder.state !== 'inactive') current.recorder.stop()
      await Promise.all([...pending])
      state = 'stopped'
      return { count: index + 1 }
    },
  }
}

export type SegmentRecorder = ReturnType<typeof createSegmentRecorder>

/** Camera and microphone (front camera, small frame: phones upload on mobile networks). */
export async function openCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
    video: { facingMode: 'user', width: { ideal: 480 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 24 } },
  })
}

export function closeStream(stream: MediaStream | null | undefined) {
  stream?.getTracks().forEach((track) => track.stop())
}

/** Why getUserMedia failed, in the words the page shows. */
export function mediaErrorKind(exc: unknown): 'denied' | 'missing' | 'busy' | 'insecure' | 'unknown' {
  const name = (exc as { name?: string } | null)?.name ?? ''
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'missing'
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy'
  if (name === 'TypeError') return 'insecure'
  return 'unknown'
}
