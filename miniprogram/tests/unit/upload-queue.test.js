const crypto = require('crypto')
const { wx, settle } = require('./wx-helpers')
const { useFakeTusServer } = require('./fake-tus')
const { createClient } = require('../../services/request')
const { createTusUploader } = require('../../services/tus')
const { createUploadQueue, QUEUE_KEY } = require('../../services/upload-queue')

const KiB = 1024
let server
let files

// A fresh set of objects over the same storage and files: what the mini-program has after a relaunch.
function launch(retryDelays = [1000]) {
  const client = createClient({ wx, baseUrl: server.origin })
  const uploader = createTusUploader({ wx, client, chunkSize: 256 * KiB, retryDelays })
  return createUploadQueue({ wx, uploader })
}

function recordSegments(count, size) {
  return Array.from({ length: count }, (_, index) => {
    const tempFilePath = `wxfile://tmp/rec-${index}.mp4`
    files.set(tempFilePath, crypto.randomBytes(size + index))
    return { index, tempFilePath, bytes: files.get(tempFilePath) }
  })
}

const context = useFakeTusServer()
beforeEach(() => {
  ({ server, files } = context)
})

test('segments are saved, hashed and queued with the answer; drained in order; saved files removed after', async () => {
  const segments = recordSegments(3, 600 * KiB)
  const queue = launch()
  const { value: queued } = await settle(queue.enqueueAnswer({ answerId: 'ans-1', segments }))
  expect(queued.map((q) => [q.index, q.count, q.size])).toEqual([[0, 3, 600 * KiB], [1, 3, 600 * KiB + 1], [2, 3, 600 * KiB + 2]])
  expect(queued[1].sha256).toBe(crypto.createHash('sha256').update(segments[1].bytes).digest('hex'))
  expect(files.has('wxfile://tmp/rec-0.mp4')).toBe(false) // moved out of the temp area, into the user data folder
  expect(queued.map((q) => [q.filePath, q.storedAs])).toEqual([0, 1, 2].map((i) => [`${wx.env.USER_DATA_PATH}qingpin-ans-1-${i}.mp4`, 'user']))
  expect(wx.getStorageSync(QUEUE_KEY)).toHaveLength(3)
  const { value: done } = await settle(queue.drain())
  expect(done.map((d) => d.item.index)).toEqual([0, 1, 2])
  expect(server.completed.map((u) => [u.metadata.answer_id, u.metadata.segment_index, u.metadata.segment_count]))
    .toEqual([['ans-1', '0', '3'], ['ans-1', '1', '3'], ['ans-1', '2', '3']])
  expect(server.completed.map((u) => u.data.equals(segments[Number(u.metadata.segment_index)].bytes))).toEqual([true, true, true])
  expect(queue.pending()).toEqual([])
  expect([...files.keys()]).toEqual([])
})

test('killed mid-upload: the next launch resumes the half-sent segment with HEAD and sends the rest', async () => {
  const segments = recordSegments(2, 700 * KiB)
  const first = launch([])
  await settle(first.enqueueAnswer({ answerId: 'ans-2', segments }))
  server.cuts.push(100 * KiB, 0) // segment 0 loses its first chunk's tail, then the network is gone
  const outage = await settle(first.drain())
  expect(outage.error).toMatchObject({ code: 0, reason: 'network_error' })
  const stored = wx.getStorageSync(QUEUE_KEY)
  expect(stored).toHaveLength(2)
  expect(stored[0].uploadUrl).toMatch(/^https:\/\/api\.test\/api\/uploads\//) // remembered before the first byte
  const again = launch()
  const { value: done } = await settle(again.drain())
  expect(done).toHaveLength(2)
  expect(server.log.filter((e) => e.method === 'POST')).toHaveLength(2) // one create per segment, never a second
  expect(server.log.some((e) => e.method === 'HEAD')).toBe(true)
  expect(server.completed.map((u) => u.data.equals(segments[Number(u.metadata.segment_index)].bytes))).toEqual([true, true])
  expect(again.pending()).toEqual([])
})

test('a segment the server already has leaves the queue; a final refusal stays, marked, for the page to show', async () => {
  const segments = recordSegments(2, 10 * KiB)
  const queue = launch()
  await settle(queue.enqueueAnswer({ answerId: 'ans-3', segments }))
  server.refuseCreate = { statusCode: 409, header: {}, data: { code: 409, status: 'Conflict', reason: 'segment_exists', message: 'x' } }
  const { value } = await settle(queue.drain())
  expect(value[0]).toMatchObject({ alreadyThere: true })
  expect(server.completed).toHaveLength(1)

  await settle(queue.enqueueAnswer({ answerId: 'ans-4', segments: recordSegments(1, 10 * KiB) }))
  server.refuseCreate = { statusCode: 409, header: {}, data: { code: 409, status: 'Conflict', reason: 'answer_time_over', message: 'x' } }
  const refused = await settle(queue.drain())
  expect(refused.error.reason).toBe('answer_time_over')
  expect(queue.pending()[0].error).toMatchObject({ reason: 'answer_time_over', message: '这道题的作答时间已结束。' })
  expect(queue.waiting()).toEqual([])
  const later = await settle(queue.drain())
  expect(later.value).toEqual([]) // not retried forever
})

describe('uploading while recording', () => {
  const meta = (u) => [u.metadata.answer_id, u.metadata.segment_index, u.metadata.segment_count]

  test('a new segment is held; released without a count it goes up, the last one carries the count on submit', async () => {
    const [s0, s1, s2] = recordSegments(3, 300 * KiB)
    const queue = launch()
    await settle(queue.addSegment({ answerId: 'a', questionId: 'q', ...s0 }))
    expect(queue.waiting()).toEqual([]) // it may be the last one: nothing goes up yet
    expect(queue.heldAnswers()).toEqual([expect.objectContaining({ answerId: 'a', questionId: 'q', count: 1 })])
    await settle(queue.addSegment({ answerId: 'a', questionId: 'q', ...s1 }))
    await settle(queue.release('a')) // segment 2 started recording: 0 and 1 are not the last
    expect(server.completed.map(meta)).toEqual([['a', '0', undefined], ['a', '1', undefined]])
    await settle(queue.addSegment({ answerId: 'a', questionId: 'q', ...s2 }))
    expect(queue.heldAnswers()).toEqual([expect.objectContaining({ answerId: 'a', count: 3 })])
    const submitted = await settle(queue.release('a', { count: 3 }).then(() => queue.drainAnswer('a')))
    expect(submitted.error).toBeUndefined()
    expect(server.completed.map(meta)).toEqual([['a', '0', undefined], ['a', '1', undefined], ['a', '2', '3']])
    expect(server.completed.map((u) => u.data.equals([s0, s1, s2][Number(u.metadata.segment_index)].bytes))).toEqual([true, true, true])
    expect(queue.pending()).toEqual([])
    expect([...files.keys()]).toEqual([])
  })

  test('a segment released while another is being sent goes up in the same drain', async () => {
    const [s0, s1] = recordSegments(2, 600 * KiB)
    server.latencyMs = 100
    const queue = launch()
    await settle(queue.addSegment({ answerId: 'a', ...s0 }))
    queue.addSegment({ answerId: 'a', ...s1 })
    queue.release('a') // segment 1 records: 0 goes up
    await jest.advanceTimersByTimeAsync(250)
    const running = queue.drain() // the release's drain, busy with segment 0
    expect(server.completed).toEqual([])
    queue.release('a', { count: 2 }) // submitted while segment 0 is still going up
    const { value } = await settle(running)
    expect(value.map((d) => d.item.index)).toEqual([0, 1])
    expect(server.completed.map(meta)).toEqual([['a', '0', undefined], ['a', '1', '2']])
    expect(server.log.filter((e) => e.method === 'POST')).toHaveLength(2)
  })

  test('a retake discards the answer: the segment being sent is abandoned, its files and the held one removed', async () => {
    const [s0, s1] = recordSegments(2, 900 * KiB)
    server.latencyMs = 100
    const queue = launch()
    await settle(queue.addSegment({ answerId: 'a', ...s0 }))
    await settle(queue.addSegment({ answerId: 'a', ...s1 })) // held: it was the last when the retake came
    queue.release('a')
    await jest.advanceTimersByTimeAsync(250) // created, first chunk on its way
    const patchesBefore = server.log.filter((e) => e.method === 'PATCH').length
    expect(patchesBefore).toBe(1)
    await settle(queue.discardAnswer('a'))
    expect(server.log.filter((e) => e.method === 'PATCH')).toHaveLength(patchesBefore + 1) // the one in flight, no more
    expect(server.completed).toEqual([])
    expect(queue.pending()).toEqual([])
    expect([...files.keys()]).toEqual([])
  })

  test('held segments survive a relaunch; a refusal makes drainAnswer reject with its reason', async () => {
    const [s0] = recordSegments(1, 10 * KiB)
    await settle(launch().addSegment({ answerId: 'a', questionId: 'q', deadlineAt: 123, ...s0 }))
    const relaunched = launch()
    expect(relaunched.heldAnswers()).toEqual([{ answerId: 'a', questionId: 'q', count: 1, deadlineAt: 123, practice: false }])
    server.refuseCreate = { statusCode: 409, header: {}, data: { code: 409, status: 'Conflict', reason: 'answer_time_over', message: 'x' } }
    const refused = await settle(relaunched.release('a', { count: 1 }).then(() => relaunched.drainAnswer('a')))
    expect(refused.error).toMatchObject({ reason: 'answer_time_over' })
    expect(relaunched.heldAnswers()).toEqual([])
  })
})

test('a segment that cannot be moved (storage full) is queued from its temp file and still goes up in this run', async () => {
  const [segment] = recordSegments(1, 20 * KiB)
  const queue = launch()
  const saveFile = wx.getFileSystemManager().saveFile
  saveFile.mockImplementationOnce(({ fail }) => Promise.resolve().then(() => fail({ errMsg: 'saveFile:fail the maximum size of the file storage limit is exceeded' })))
  const { value: item } = await settle(queue.addSegment({ answerId: 'a', ...segment }))
  expect(item).toMatchObject({ filePath: 'wxfile://tmp/rec-0.mp4', storedAs: 'temp' })
  await settle(queue.release('a', { count: 1 }).then(() => queue.drainAnswer('a')))
  expect(server.completed.map((u) => u.data.equals(segment.bytes))).toEqual([true])
  expect(wx.getFileSystemManager().unlink).not.toHaveBeenCalled() // a temp file is WeChat's to clean up
})
