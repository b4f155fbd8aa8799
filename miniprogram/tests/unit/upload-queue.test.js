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
  expect(files.has('wxfile://tmp/rec-0.mp4')).toBe(false) // moved out of the temp area
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
