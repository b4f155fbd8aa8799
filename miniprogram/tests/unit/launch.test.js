const crypto = require('crypto')
const { wx, useMemoryStorage, useMemoryFiles } = require('./wx-helpers')
const { FakeTusServer } = require('./fake-tus')
const { createServices, resumeUploads } = require('../../services/index')
const { TOKEN_STORAGE_KEY } = require('../../services/request')
const { QUEUE_KEY } = require('../../services/upload-queue')
const { invitationToken } = require('../../utils/invitation')
const { slotsByDay, dateTime, clock } = require('../../utils/format')
const { loadConfig } = require('../../config/index')

afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

test('on launch, segments left by a killed run are uploaded; again when the network comes back', async () => {
  jest.useFakeTimers()
  useMemoryStorage()
  const files = useMemoryFiles()
  const server = new FakeTusServer()
  jest.spyOn(wx, 'request').mockImplementation(server.request)
  let networkListener
  let showListener
  jest.spyOn(wx, 'onNetworkStatusChange').mockImplementation((fn) => { networkListener = fn })
  jest.spyOn(wx, 'onAppShow').mockImplementation((fn) => { showListener = fn })
  const data = crypto.randomBytes(3000)
  files.set('wxfile://usr/saved-1', data)
  wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 'tok', applicationId: 'app' })
  wx.setStorageSync(QUEUE_KEY, [{ id: 'a:0', answerId: 'a', index: 0, count: 1, filePath: 'wxfile://usr/saved-1', size: 3000,
    sha256: crypto.createHash('sha256').update(data).digest('hex'), filename: 'answer-1.mp4', uploadUrl: null, offset: 0 }])
  const services = createServices(wx, { baseUrl: server.origin, chunkSize: 1024 })
  server.cuts.push(100)
  jest.spyOn(services.queue, 'drain')
  const first = resumeUploads(wx, services)
  await jest.advanceTimersByTimeAsync(0)
  await jest.runAllTimersAsync()
  await first
  expect(server.completed).toHaveLength(1) // the cut was survived by the uploader's own retry
  expect(services.queue.pending()).toEqual([])
  networkListener({ isConnected: true, networkType: 'wifi' })
  expect(services.queue.drain).toHaveBeenCalledTimes(1) // nothing pending: no second drain

  // Back from the background (a call, the phone locked) with a segment the outage kept: it goes up on show.
  const more = crypto.randomBytes(2000)
  files.set('wxfile://usr/saved-2', more)
  wx.setStorageSync(QUEUE_KEY, [{ id: 'b:0', answerId: 'b', index: 0, count: 1, filePath: 'wxfile://usr/saved-2', size: 2000,
    sha256: crypto.createHash('sha256').update(more).digest('hex'), filename: 'answer-1.mp4', uploadUrl: null, offset: 0 }])
  showListener({ scene: 1001 })
  await jest.runAllTimersAsync()
  expect(services.queue.drain).toHaveBeenCalledTimes(2)
  expect(server.completed.map((u) => u.metadata.answer_id)).toEqual(['a', 'b'])
  expect(services.queue.pending()).toEqual([])
})

test('the invitation token comes from a QR scene, a link to the page, or a web-link QR code', () => {
  const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'
  expect(invitationToken({ scene: encodeURIComponent(token) })).toBe(token)
  expect(invitationToken({ token })).toBe(token)
  expect(invitationToken({ q: encodeURIComponent(`https://qingpin.example.com/i/${token}`) })).toBe(token)
  expect(invitationToken({ q: encodeURIComponent(`https://x.example.com/open?token=${token}&a=1`) })).toBe(token)
  expect(invitationToken({ scene: 'short' })).toBeNull()
  expect(invitationToken({})).toBeNull()
})

test('slots are grouped by Beijing day and shown in Beijing time', () => {
  const days = slotsByDay([
    { id: 'b', starts_at: '2026-05-02T01:00:00+00:00', ends_at: '2026-05-02T02:00:00+00:00' },
    { id: 'a', starts_at: '2026-05-01T17:30:00+00:00', ends_at: '2026-05-01T18:00:00+00:00' }, // 5月2日 01:30 in Beijing
    { id: 'c', starts_at: '2026-05-01T06:00:00+00:00', ends_at: '2026-05-01T07:00:00+00:00' },
  ])
  expect(days.map((d) => [d.label, d.slots.map((s) => `${s.id} ${s.time}`)])).toEqual([
    ['5月1日 周五', ['c 14:00–15:00']],
    ['5月2日 周六', ['a 01:30–02:00', 'b 09:00–10:00']],
  ])
  expect(dateTime('2026-05-01T06:00:00+00:00')).toBe('5月1日 周五 14:00')
  expect(clock(125.2)).toBe('02:06')
})

test('the API address follows the build: DevTools/develop, trial and release', () => {
  const info = jest.spyOn(wx, 'getAccountInfoSync')
  info.mockReturnValue({ miniProgram: { appId: 'touristappid', envVersion: 'develop' } })
  expect(loadConfig(wx).baseUrl).toBe('http://127.0.0.1:5000')
  info.mockReturnValue({ miniProgram: { appId: 'touristappid', envVersion: 'release' } })
  expect(loadConfig(wx).baseUrl).toMatch(/^https:\/\//)
})
