import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSegmentRecorder, mediaErrorKind, pickMimeType, type FinishedSegment } from '@/shared/useSegmentRecorder'

// A MediaRecorder stand-in: records which instances ran and in what order they started and stopped.
const log: string[] = []
class FakeRecorder {
  static instances: FakeRecorder[] = []
  static isTypeSupported = (type: string) => type.startsWith('video/webm')
  state: 'inactive' | 'recording' = 'inactive'
  mimeType = 'video/webm;codecs=vp8,opus'
  ondataavailable: ((e: { data: Blob }) => void) | null = null
  onstop: (() => void) | null = null
  onerror: ((e: Event) => void) | null = null
  readonly id: number
  constructor(readonly stream: unknown, readonly options: Record<string, unknown>) {
    this.id = FakeRecorder.instances.push(this) - 1
  }
  start() {
    this.state = 'recording'
    log.push(`start ${this.id}`)
  }
  stop() {
    this.state = 'inactive'
    log.push(`stop ${this.id}`)
    this.ondataavailable?.({ data: new Blob([`segment ${this.id}`], { type: this.mimeType }) })
    queueMicrotask(() => this.onstop?.())
  }
}

describe('segment recorder', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeRecorder.instances = []
    log.length = 0
  })
  afterEach(() => vi.useRealTimers())

  it('records each segment with a new recorder, starting the next before stopping the previous', async () => {
    const segments: FinishedSegment[] = []
    const recorder = createSegmentRecorder({} as MediaStream, {
      segmentSeconds: 10, onSegment: (s) => void segments.push(s), Recorder: FakeRecorder as unknown as typeof MediaRecorder,
    })
    recorder.start()
    await vi.advanceTimersByTimeAsync(10_000)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(FakeRecorder.instances).toHaveLength(3)
    expect(log).toEqual(['start 0', 'start 1', 'stop 0', 'start 2', 'stop 1'])
    await vi.advanceTimersByTimeAsync(4_000)
    const { count } = await recorder.stop()
    expect(count).toBe(3)
    expect(recorder.state).toBe('stopped')
    expect(segments.map((s) => [s.index, s.last])).toEqual([[0, false], [1, false], [2, true]])
    expect(await segments[2].blob.text()).toBe('segment 2')
    expect(segments[0].mime).toContain('video/webm')
  })

  it('a short answer is one segment, the last', async () => {
    const segments: FinishedSegment[] = []
    const recorder = createSegmentRecorder({} as MediaStream, {
      segmentSeconds: 120, onSegment: (s) => void segments.push(s), Recorder: FakeRecorder as unknown as typeof MediaRecorder,
    })
    recorder.start()
    await vi.advanceTimersByTimeAsync(3_000)
    expect(await recorder.stop()).toEqual({ count: 1 })
    expect(segments).toHaveLength(1)
    expect(segments[0].last).toBe(true)
    expect(() => recorder.start()).toThrow()
  })

  it('stop waits until the last segment was handed over (queued in IndexedDB)', async () => {
    let stored = 0
    const recorder = createSegmentRecorder({} as MediaStream, {
      segmentSeconds: 5,
      onSegment: () => new Promise<void>((resolve) => setTimeout(() => { stored += 1; resolve() }, 100)),
      Recorder: FakeRecorder as unknown as typeof MediaRecorder,
    })
    recorder.start()
    await vi.advanceTimersByTimeAsync(6_000)
    const stopping = recorder.stop()
    await vi.advanceTimersByTimeAsync(200)
    await stopping
    expect(stored).toBe(2)
  })
})

describe('recording support', () => {
  it('picks webm where supported and reports none without MediaRecorder', () => {
    expect(pickMimeType(FakeRecorder as unknown as typeof MediaRecorder)).toBe('video/webm;codecs=vp8,opus')
    const Mp4Only = { isTypeSupported: (t: string) => t.startsWith('video/mp4') } as unknown as typeof MediaRecorder
    expect(pickMimeType(Mp4Only)).toBe('video/mp4;codecs=avc1,mp4a')
    expect(pickMimeType(undefined)).toBeNull()
  })

  it('tells a denied permission from a missing or busy device', () => {
    expect(mediaErrorKind({ name: 'NotAllowedError' })).toBe('denied')
    expect(mediaErrorKind({ name: 'NotFoundError' })).toBe('missing')
    expect(mediaErrorKind({ name: 'NotReadableError' })).toBe('busy')
    expect(mediaErrorKind(new Error('x'))).toBe('unknown')
  })
})
