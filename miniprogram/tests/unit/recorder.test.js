const { wx } = require('./wx-helpers')
const { createSegmentRecorder } = require('../../services/recorder')

// The simulator's CameraContext with spied startRecord/stopRecord: each recording gets a numbered temp path.
function spiedCamera() {
  const camera = wx.createCameraContext()
  let recording = null
  let made = 0
  const log = []
  jest.spyOn(camera, 'startRecord').mockImplementation((options) => {
    recording = { options, path: `wxfile://tmp/rec-${++made}.mp4`, startedAt: Date.now() }
    log.push(['start', options.timeout, Date.now()])
  })
  jest.spyOn(camera, 'stopRecord').mockImplementation(({ success, fail }) => {
    const current = recording
    recording = null
    log.push(['stop', Date.now()])
    setTimeout(() => (current ? success({ tempVideoPath: current.path, tempThumbPath: `${current.path}.jpg` }) : fail({ errMsg: 'stopRecord:fail not recording' })), 200)
  })
  return {
    camera,
    log,
    // WeChat's own timeout: the recording stops by itself and timeoutCallback gets the file.
    timeOut() {
      const current = recording
      recording = null
      current.options.timeoutCallback({ tempVideoPath: current.path, tempThumbPath: '' })
    },
    get recording() { return recording },
  }
}

let listeners
beforeEach(() => {
  jest.useFakeTimers()
  listeners = { hide: [], show: [] }
  jest.spyOn(wx, 'onAppHide').mockImplementation((fn) => listeners.hide.push(fn))
  jest.spyOn(wx, 'onAppShow').mockImplementation((fn) => listeners.show.push(fn))
  jest.spyOn(wx, 'offAppHide').mockImplementation((fn) => { listeners.hide = listeners.hide.filter((f) => f !== fn) })
  jest.spyOn(wx, 'offAppShow').mockImplementation((fn) => { listeners.show = listeners.show.filter((f) => f !== fn) })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

function recorder(camera, answerSeconds, extra = {}) {
  const finished = []
  const states = []
  const rec = createSegmentRecorder({
    wx, camera, answerSeconds, onFinished: (r) => finished.push(r), onChange: (s) => states.push(s.state), ...extra,
  })
  return { rec, finished, states }
}

test('a 300 s answer is three segments: stopped 1.5 s before each 120 s timeout, the next started at once', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 300)
  rec.start()
  expect(cam.camera.startRecord).toHaveBeenLastCalledWith(expect.objectContaining({ timeout: 120 }))
  await jest.advanceTimersByTimeAsync(118500)
  expect(cam.camera.stopRecord).toHaveBeenCalledTimes(1)
  await jest.advanceTimersByTimeAsync(200)
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(2) // the next segment starts as soon as the file is ours
  await jest.advanceTimersByTimeAsync(300000)
  expect(finished).toHaveLength(1)
  expect(finished[0].count).toBe(3)
  expect(finished[0].segments.map((s) => s.tempFilePath)).toEqual(['wxfile://tmp/rec-1.mp4', 'wxfile://tmp/rec-2.mp4', 'wxfile://tmp/rec-3.mp4'])
  expect(finished[0].segments.map((s) => s.index)).toEqual([0, 1, 2])
  const starts = cam.log.filter((e) => e[0] === 'start').map((e) => e[2])
  expect(starts[1] - starts[0]).toBe(118700)
  expect(rec.state).toBe('finished')
  expect(listeners.hide).toHaveLength(0) // listeners removed when done
})

test("when WeChat's own timeout fires first, its file becomes the segment and recording goes on", async () => {
  const cam = spiedCamera()
  const { rec } = recorder(cam.camera, 200)
  rec.start()
  await jest.advanceTimersByTimeAsync(100000)
  cam.timeOut() // the phone stopped at the timeout before our timer ran (timers throttled)
  expect(rec.segments).toHaveLength(1)
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(2)
  await jest.advanceTimersByTimeAsync(18500) // our old timer must not stop the new segment
  expect(cam.camera.stopRecord).not.toHaveBeenCalled()
  const done = rec.finish()
  await jest.runAllTimersAsync()
  await done
  expect(rec.segments.map((s) => s.tempFilePath)).toEqual(['wxfile://tmp/rec-1.mp4', 'wxfile://tmp/rec-2.mp4'])
})

test('finishing early makes the current segment the last one', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 180)
  rec.start()
  await jest.advanceTimersByTimeAsync(45000)
  const done = rec.finish()
  await jest.advanceTimersByTimeAsync(200)
  await done
  expect(finished).toEqual([{ segments: [expect.objectContaining({ index: 0, tempFilePath: 'wxfile://tmp/rec-1.mp4' })], count: 1 }])
  await jest.advanceTimersByTimeAsync(200000)
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(1)
})

test('finishing while a segment is being switched stops the camera once and ends the answer', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 600)
  rec.start()
  await jest.advanceTimersByTimeAsync(118500) // switching: stopRecord in flight
  expect(rec.state).toBe('switching')
  const done = rec.finish()
  await jest.advanceTimersByTimeAsync(200)
  await done
  expect(cam.camera.stopRecord).toHaveBeenCalledTimes(1)
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(1)
  expect(finished[0].count).toBe(1)
})

test('the app hidden keeps what was recorded; shown again, recording goes on in a new segment within the time left', async () => {
  const cam = spiedCamera()
  const { rec, finished, states } = recorder(cam.camera, 180)
  rec.start()
  await jest.advanceTimersByTimeAsync(30000)
  listeners.hide.forEach((fn) => fn())
  await jest.advanceTimersByTimeAsync(200)
  expect(rec.state).toBe('paused')
  expect(rec.segments).toHaveLength(1)
  await jest.advanceTimersByTimeAsync(60000) // 60 s away: the server's clock kept running, so does ours
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(1)
  listeners.show.forEach((fn) => fn())
  expect(rec.state).toBe('recording')
  expect(Math.round(rec.remainingMs() / 1000)).toBe(90)
  await jest.advanceTimersByTimeAsync(90000)
  await jest.advanceTimersByTimeAsync(200)
  expect(finished[0].count).toBe(2)
  expect(states).toContain('paused')
})

test('hidden: WeChat ends the recording itself and hands the file to timeoutCallback; the failed stop loses nothing', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 120)
  rec.start()
  await jest.advanceTimersByTimeAsync(40000)
  const ended = cam.recording
  cam.camera.stopRecord.mockImplementationOnce(({ fail }) => setTimeout(() => fail({ errMsg: 'stopRecord:fail not recording' }), 10))
  listeners.hide.forEach((fn) => fn())
  await jest.advanceTimersByTimeAsync(50) // our stop failed first …
  ended.options.timeoutCallback({ tempVideoPath: ended.path, tempThumbPath: '' }) // … then WeChat's file arrives
  expect(rec.segments.map((s) => s.tempFilePath)).toEqual(['wxfile://tmp/rec-1.mp4'])
  expect(rec.state).toBe('paused')
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(1) // no new segment while hidden
  listeners.show.forEach((fn) => fn())
  await jest.advanceTimersByTimeAsync(90000)
  expect(finished[0].count).toBe(2)
})

test('shown again after the time ran out: the answer is finished with what was recorded', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 60)
  rec.start()
  await jest.advanceTimersByTimeAsync(20000)
  listeners.hide.forEach((fn) => fn())
  await jest.advanceTimersByTimeAsync(120000) // background: WeChat suspends timers, the deadline passes meanwhile
  listeners.show.forEach((fn) => fn())
  await jest.runAllTimersAsync()
  expect(finished).toHaveLength(1)
  expect(finished[0].count).toBe(1)
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(1)
})

test('a retake throws the attempt away and can start again', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 300)
  rec.start()
  await jest.advanceTimersByTimeAsync(130000)
  expect(rec.segments).toHaveLength(1)
  const reset = rec.retake()
  await jest.advanceTimersByTimeAsync(200)
  await reset
  expect(rec.state).toBe('idle')
  expect(rec.segments).toEqual([])
  await jest.advanceTimersByTimeAsync(500000)
  expect(finished).toEqual([]) // the old deadline is gone
  rec.start()
  await jest.advanceTimersByTimeAsync(300000)
  await jest.advanceTimersByTimeAsync(1000)
  expect(finished).toHaveLength(1)
  expect(finished[0].segments[0].tempFilePath).toBe('wxfile://tmp/rec-3.mp4') // rec-2 was the discarded one
})

test('a camera that refuses to record puts the recorder in failed, with the error', async () => {
  const camera = wx.createCameraContext()
  jest.spyOn(camera, 'startRecord').mockImplementation(({ fail }) => fail({ errMsg: 'operateCamera:fail auth deny' }))
  const changes = []
  const rec = createSegmentRecorder({ wx, camera, answerSeconds: 60, onChange: (c) => changes.push(c) })
  rec.start()
  expect(rec.state).toBe('failed')
  expect(changes.pop().error.errMsg).toContain('auth deny')
})

test('each finished segment is handed over at once; the start of the next one is announced', async () => {
  const cam = spiedCamera()
  const events = []
  const { rec } = recorder(cam.camera, 300, {
    onSegment: (s) => events.push(['segment', s.index, s.tempFilePath]),
    onSegmentStart: ({ index }) => events.push(['start', index]),
  })
  rec.start()
  await jest.advanceTimersByTimeAsync(118700)
  expect(events).toEqual([['start', 0], ['segment', 0, 'wxfile://tmp/rec-1.mp4'], ['start', 1]])
  const done = rec.finish()
  await jest.advanceTimersByTimeAsync(200)
  await done
  expect(events.slice(3)).toEqual([['segment', 1, 'wxfile://tmp/rec-2.mp4']]) // the last one: no start after it
})

test('max_segments: at the last allowed segment WeChat\'s own timeout ends the answer too', async () => {
  const cam = spiedCamera()
  const { rec, finished } = recorder(cam.camera, 500, { maxSegments: 2 })
  rec.start()
  await jest.advanceTimersByTimeAsync(118700)
  cam.timeOut()
  await jest.advanceTimersByTimeAsync(0)
  expect(finished).toEqual([expect.objectContaining({ count: 2 })])
  expect(cam.camera.startRecord).toHaveBeenCalledTimes(2)
})

test('a retake does not hand over the discarded attempt\'s file', async () => {
  const cam = spiedCamera()
  const handed = []
  const { rec } = recorder(cam.camera, 300, { onSegment: (s) => handed.push(s.tempFilePath) })
  rec.start()
  await jest.advanceTimersByTimeAsync(30000)
  const reset = rec.retake()
  await jest.advanceTimersByTimeAsync(200)
  await reset
  expect(handed).toEqual([])
})
