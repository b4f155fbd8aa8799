const crypto = require('crypto')
const { wx, settle } = require('./wx-helpers')
const { useFakeTusServer } = require('./fake-tus')
const { createClient } = require('../../services/request')
const { createTusUploader, CHUNK_SIZE, PATCH_TIMEOUT_MS } = require('../../services/tus')

const MiB = 1024 * 1024
let server
let files

function setup(options = {}) {
  const client = createClient({ wx, baseUrl: server.origin })
  return createTusUploader({ wx, client, ...options })
}

function job(name, size) {
  const data = crypto.randomBytes(size)
  files.set(name, data)
  const sha256 = crypto.createHash('sha256').update(data).digest('hex')
  return { data, job: { filePath: name, size, metadata: { answer_id: 'a-1', segment_index: '0', segment_count: '1', sha256, filename: '答案.mp4' } } }
}

const context = useFakeTusServer()
beforeEach(() => {
  ({ server, files } = context)
})

test('creates, then sends 5 MiB ArrayBuffer chunks by POST with X-HTTP-Method-Override: PATCH', async () => {
  const { data, job: upload } = job('wxfile://tmp/seg0.mp4', 12 * MiB + 5)
  const progress = []
  const { value } = await settle(setup().upload(upload, { onProgress: (offset) => progress.push(offset) }))
  expect(CHUNK_SIZE).toBe(5 * MiB)
  expect(value.offset).toBe(data.length)
  expect(progress).toEqual([5 * MiB, 10 * MiB, data.length])
  const patches = wx.request.mock.calls.map(([o]) => o).filter((o) => o.header['X-HTTP-Method-Override'])
  expect(patches.map((o) => o.method)).toEqual(['POST', 'POST', 'POST'])
  expect(patches.every((o) => o.header['X-HTTP-Method-Override'] === 'PATCH' && o.data instanceof ArrayBuffer)).toBe(true)
  expect(patches.every((o) => o.header.Authorization === 'Bearer tok')).toBe(true)
  expect(patches.every((o) => o.timeout === PATCH_TIMEOUT_MS && PATCH_TIMEOUT_MS === 60000)).toBe(true) // WeChat's longest
  expect(wx.request.mock.calls[0][0]).toMatchObject({ method: 'POST', timeout: 20000 }) // the create: an ordinary call
  const reads = wx.getFileSystemManager().readFile.mock.calls.map(([o]) => [o.position, o.length])
  expect(reads).toEqual([[0, 5 * MiB], [5 * MiB, 5 * MiB], [10 * MiB, 2 * MiB + 5]])
  const [stored] = server.completed
  expect(stored.data.equals(data)).toBe(true)
  expect(stored.metadata.filename).toBe('答案.mp4') // UTF-8 metadata survives base64
  // The upload address is kept on our configured origin, whatever host the server wrote into Location.
  expect(value.url.startsWith(`${server.origin}/api/uploads/`)).toBe(true)
})

test('a connection cut mid-chunk is resumed from the offset HEAD reports, after a back-off', async () => {
  const { data, job: upload } = job('wxfile://tmp/seg1.mp4', 11 * MiB)
  server.cuts.push(1234567) // the first chunk: only 1234567 bytes arrive
  const urls = []
  const { value } = await settle(setup().upload(upload, { onUrl: (u) => urls.push(u) }))
  expect(value).toMatchObject({ offset: data.length, resumes: 1, retries: 1 })
  expect(urls).toHaveLength(1)
  const methods = server.log.map((entry) => `${entry.method}${entry.offset ? ` ${entry.offset}` : ''}`)
  expect(methods).toEqual(['POST', 'PATCH 0', 'HEAD', 'PATCH 1234567', `PATCH ${1234567 + 5 * MiB}`])
  expect(server.completed[0].data.equals(data)).toBe(true)
})

test('an upload known from an earlier run resumes at HEAD without creating a new one', async () => {
  const { data, job: upload } = job('wxfile://usr/saved.mp4', 3 * MiB)
  server.cuts.push(MiB)
  const first = await settle(setup({ retryDelays: [] }).upload(upload, {}))
  expect(first.error).toMatchObject({ code: 0, reason: 'network_error' }) // gave up: the queue keeps it
  const url = server.log[0] && `${server.origin}${server.log[1].path}`
  const again = await settle(setup().upload({ ...upload, uploadUrl: url }))
  expect(again.value.offset).toBe(data.length)
  expect(server.log.filter((e) => e.method === 'POST')).toHaveLength(1)
  expect(server.uploads.size).toBe(1)
})

test('an offset conflict is settled by HEAD; an upload that vanished is created again', async () => {
  const { data, job: upload } = job('wxfile://tmp/seg2.mp4', 2 * MiB)
  const uploader = setup()
  const created = await settle(uploader.create({ size: data.length, metadata: upload.metadata }))
  const id = created.value.split('/').pop()
  server.uploads.get(id).data = data.subarray(0, 1000) // another request of ours got 1000 bytes through
  const resumed = await settle(uploader.upload({ ...upload, uploadUrl: created.value }))
  expect(resumed.value.offset).toBe(data.length)
  server.uploads.clear()
  server.completed = []
  const recreated = await settle(uploader.upload({ ...upload, uploadUrl: created.value }))
  expect(recreated.value.url).not.toBe(created.value)
  expect(server.completed).toHaveLength(1)
})

test("the server's final refusal is thrown with its reason and a Chinese message, without retrying", async () => {
  const { job: upload } = job('wxfile://tmp/seg3.mp4', 1000)
  server.refuseCreate = { statusCode: 409, header: {}, data: { code: 409, status: 'Conflict', reason: 'answer_time_over', message: 'over' } }
  const { error } = await settle(setup().upload(upload))
  expect(error).toMatchObject({ code: 409, reason: 'answer_time_over', message: '这道题的作答时间已结束。' })
  expect(server.log).toHaveLength(1)
})

test('after every retry fails the error is a network error that keeps the recording', async () => {
  const { job: upload } = job('wxfile://tmp/seg4.mp4', 1000)
  wx.request.mockImplementation((o) => { setTimeout(() => o.fail({ errMsg: 'request:fail' }), 1) })
  const started = Date.now()
  const { error } = await settle(setup({ retryDelays: [1000, 2000, 4000] }).upload(upload))
  expect(error).toMatchObject({ code: 0, reason: 'network_error' })
  expect(error.message).toContain('不会丢失')
  expect(wx.request).toHaveBeenCalledTimes(4) // the first try and three retries, 7 s of fake time
  expect(Date.now() - started).toBeGreaterThanOrEqual(7000)
})
