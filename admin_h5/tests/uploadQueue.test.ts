import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryQueue, useIdbQueue, segmentKey, type QueuedSegment } from '@/shared/useIdbQueue'
import { ALREADY_THERE, SegmentRefused, refusal, segmentMetadata } from '@/shared/useTusUpload'

// The tus client is replaced: each test scripts what the server answers for each upload attempt.
const attempts: string[] = []
let answer: (item: QueuedSegment) => Promise<void> = async () => {}
vi.mock('@/shared/useTusUpload', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/shared/useTusUpload')>()
  return {
    ...original,
    uploadSegment: (item: QueuedSegment) => {
      attempts.push(item.key)
      return { promise: answer(item), abort: () => {} }
    },
  }
})

const { uploads, enqueueSegment, kick, useQueue, hasUnsent, forgetAnswer } = await import('@/candidate/uploads')
const { session } = await import('@/candidate/api')

function segment(answerId: string, index: number, count: number | null = null): Omit<QueuedSegment, 'key' | 'createdAt'> {
  const blob = new Blob([`answer ${answerId} segment ${index}`])
  return { answerId, questionId: 'q1', index, count, sha256: 'a'.repeat(64), mime: 'video/webm', size: blob.size, blob }
}

function response(status: number, body: object) {
  return { originalResponse: { getStatus: () => status, getBody: () => JSON.stringify(body) } }
}

describe('the queue store', () => {
  it('keeps segments in order, announces the count on all of an answer, removes what was sent', async () => {
    const queue = memoryQueue()
    await queue.put({ ...segment('a', 1), key: segmentKey('a', 1), createdAt: 2 })
    await queue.put({ ...segment('a', 0), key: segmentKey('a', 0), createdAt: 1 })
    await queue.put({ ...segment('b', 0), key: segmentKey('b', 0), createdAt: 3 })
    await queue.setCount('a', 2)
    expect((await queue.all()).map((i) => [i.key, i.count])).toEqual([['a:0', 2], ['a:1', 2], ['b:0', null]])
    await queue.remove('a:0')
    expect((await queue.get('a:0'))).toBeUndefined()
    expect((await queue.all()).map((i) => i.key)).toEqual(['a:1', 'b:0'])
  })

  it('falls back to memory without IndexedDB', async () => {
    const queue = useIdbQueue('x', undefined)
    await queue.put({ ...segment('a', 0), key: 'a:0', createdAt: 1 })
    expect(await queue.all()).toHaveLength(1)
  })
})

describe('the upload queue', () => {
  beforeEach(async () => {
    useQueue(memoryQueue())
    attempts.length = 0
    for (const key of Object.keys(uploads.refused)) delete uploads.refused[key]
    uploads.waitingForNetwork = false
    session.signIn('candidate-token', null, { applicationId: 'app' })
    answer = async () => {}
  })

  it('sends each segment once, in order, and forgets it only when the server has it', async () => {
    await enqueueSegment(segment('a', 0))
    await enqueueSegment(segment('a', 1, 2))
    await kick()
    expect(attempts).toEqual(['a:0', 'a:1'])
    expect(hasUnsent()).toBe(false)
  })

  it('keeps a segment through a network failure and sends it on the next try', async () => {
    let online = false
    answer = async () => {
      if (!online) throw new Error('offline')
    }
    await enqueueSegment(segment('a', 0, 1))
    await kick()
    expect(uploads.waitingForNetwork).toBe(true)
    expect(hasUnsent()).toBe(true)
    expect(uploads.progress.a.segmentsLeft).toBe(1)
    online = true
    await kick()
    expect(attempts).toEqual(['a:0', 'a:0'])
    expect(hasUnsent()).toBe(false)
    expect(uploads.waitingForNetwork).toBe(false)
  })

  it('a refused segment leaves the queue with the server reason, and the others still go', async () => {
    answer = async (item) => {
      if (item.answerId === 'bad') throw new SegmentRefused(422, 'unreadable_media', 'cannot decode')
    }
    await enqueueSegment(segment('bad', 0, 1))
    await enqueueSegment(segment('good', 0, 1))
    await kick()
    expect(uploads.refused.bad).toEqual({ reason: 'unreadable_media', message: 'cannot decode' })
    expect(attempts).toEqual(['bad:0', 'good:0'])
    expect(hasUnsent()).toBe(false)
    await forgetAnswer('bad')
    expect(uploads.refused.bad).toBeUndefined()
  })

  it('signed out, nothing is sent and nothing is lost', async () => {
    session.signOut()
    await enqueueSegment(segment('a', 0, 1))
    await kick()
    expect(attempts).toEqual([])
    expect(hasUnsent()).toBe(true)
  })
})

describe('server answers to an upload', () => {
  it('tells a refusal from what a retry fixes', () => {
    expect(refusal(response(422, { reason: 'unreadable_media', message: 'x' }))).toMatchObject({ reason: 'unreadable_media' })
    expect(refusal(response(409, { reason: 'answer_time_over' }))).toMatchObject({ status: 409 })
    expect(refusal(response(409, { code: 'offset_mismatch' }))).toBeNull()
    expect(refusal(response(410, { code: 'upload_expired' }))).toBeNull()
    expect(refusal(response(404, { code: 'upload_not_found' }))).toBeNull()
    expect(refusal(response(460, { code: 'checksum_mismatch' }))).toBeNull()
    expect(refusal(response(500, {}))).toBeNull()
    expect(refusal(response(423, { code: 'upload_locked' }))).toBeNull()
    expect(refusal(new Error('network'))).toBeNull()
    expect(ALREADY_THERE.has(refusal(response(409, { reason: 'segment_exists' }))!.reason)).toBe(true)
  })

  it('announces the count only with the last segment', () => {
    const item = { ...segment('a', 0), key: 'a:0', createdAt: 1 }
    expect(segmentMetadata(item)).toMatchObject({ answer_id: 'a', segment_index: '0', segment_count: '', filename: 'segment-0.webm' })
    expect(segmentMetadata({ ...item, index: 2, count: 3, mime: 'video/mp4' })).toMatchObject({ segment_count: '3', filename: 'segment-2.mp4' })
  })
})
