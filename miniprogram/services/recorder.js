// Records one answer as camera segments of at most 120 s: startRecord({timeout}) plus our own timer that stops a
// little before the limit and starts the next segment at once (recordings past ~120 s fail on some phones).
// The answer time, the segment length and the number of segments come from the server (StartedQuestion:
// question.answer_seconds with the candidate's accommodation, segment_max_seconds, max_segments).
// onSegment(segment) hands over each finished file at once (the upload queue keeps it); onSegmentStart({index})
// tells that segment `index` is recording, so every earlier one is certainly not the last and may go up now.
const SEGMENT_SECONDS = 120
const STOP_MARGIN_MS = 1500

const STATES = ['idle', 'recording', 'switching', 'paused', 'finishing', 'finished', 'failed']

function createSegmentRecorder({
  wx,
  camera,
  answerSeconds,
  segmentSeconds = SEGMENT_SECONDS,
  maxSegments = Infinity,
  stopMarginMs = STOP_MARGIN_MS,
  now = Date.now,
  onChange = () => {},
  onSegment = () => {},
  onSegmentStart = () => {},
  onFinished = () => {},
}) {
  let state = 'idle'
  let segments = []
  let current = null // the segment being recorded: {index, closed}
  let deadlineAt = null
  let segmentTimer = null
  let deadlineTimer = null
  let listening = false
  let discarding = false // a retake: the attempt's last file is not handed over

  function set(next, extra = {}) {
    state = next
    onChange({ state, segments: segments.slice(), remainingMs: remainingMs(), ...extra })
  }

  function remainingMs() {
    return deadlineAt === null ? answerSeconds * 1000 : Math.max(0, deadlineAt - now())
  }

  function clearTimers() {
    clearTimeout(segmentTimer)
    clearTimeout(deadlineTimer)
    segmentTimer = deadlineTimer = null
  }

  // A segment is closed by the first file that arrives for it; a failed stop leaves it open, because WeChat may
  // still deliver the file through timeoutCallback (it ends recordings itself when the page is hidden).
  function keep(segment, res) {
    if (segment.closed || !res || !res.tempVideoPath) return false
    segment.closed = true
    const kept = { index: segments.length, tempFilePath: res.tempVideoPath, thumbPath: res.tempThumbPath || null }
    segments.push(kept)
    if (!discarding) onSegment({ ...kept })
    return true
  }

  // The server takes at most max_segments per answer (a pause in the background makes a short one): the last
  // allowed segment is not rotated but ends the answer.
  function isLastAllowed() {
    return segments.length + 1 >= maxSegments
  }

  function startSegment() {
    const segment = { closed: false, index: segments.length }
    current = segment
    camera.startRecord({
      timeout: segmentSeconds,
      // WeChat stops by itself at the timeout; if our timer was late (throttled), take the segment from here.
      timeoutCallback: (res) => {
        if (keep(segment, res) && state === 'recording' && current === segment) next()
      },
      fail: (err) => fail(err),
    })
    segmentTimer = setTimeout(() => (isLastAllowed() ? finish() : rotate()), segmentSeconds * 1000 - stopMarginMs)
  }

  // One stopRecord per segment, however many callers (timer, 完成, app hidden) want it stopped.
  function stopSegment() {
    const segment = current
    if (!segment || segment.closed) return Promise.resolve(false)
    if (!segment.stopping) {
      segment.stopping = new Promise((resolve) => {
        camera.stopRecord({
          success: (res) => resolve(keep(segment, res)),
          fail: () => resolve(false),
        })
      })
    }
    return segment.stopping
  }

  function next() {
    clearTimeout(segmentTimer)
    if (remainingMs() <= 0 || segments.length >= maxSegments) return finishNow()
    state = 'recording'
    startSegment()
    if (state !== 'recording') return
    onSegmentStart({ index: current.index })
    if (state === 'recording') set('recording') // listeners may call finish() from here: the segment exists by now
  }

  async function rotate() {
    if (state !== 'recording') return
    set('switching')
    await stopSegment()
    if (state === 'switching') next()
  }

  function fail(err) {
    clearTimers()
    unlisten()
    set('failed', { error: err })
  }

  function finishNow() {
    clearTimers()
    unlisten()
    set('finished')
    onFinished({ segments: segments.slice(), count: segments.length })
  }

  const onHide = async () => {
    if (state !== 'recording' && state !== 'switching') return
    clearTimers()
    set('paused')
    await stopSegment() // keep what was recorded before the phone locked or the candidate switched apps
    onChange({ state, segments: segments.slice(), remainingMs: remainingMs() })
  }

  const onShow = () => {
    if (state !== 'paused') return
    if (remainingMs() <= 0) return finishNow()
    deadlineTimer = setTimeout(finish, remainingMs())
    next()
  }

  function listen() {
    if (listening) return
    wx.onAppHide(onHide)
    wx.onAppShow(onShow)
    listening = true
  }

  function unlisten() {
    if (!listening) return
    wx.offAppHide(onHide)
    wx.offAppShow(onShow)
    listening = false
  }

  function start() {
    if (state !== 'idle') throw new Error(`cannot start while ${state}`)
    deadlineAt = now() + answerSeconds * 1000
    listen()
    deadlineTimer = setTimeout(finish, answerSeconds * 1000)
    next()
  }

  // The candidate taps 完成, or the answer time is over: the segment being recorded becomes the last one.
  async function finish() {
    if (state === 'recording' || state === 'switching') {
      clearTimers()
      set('finishing')
      await stopSegment()
    }
    if (state !== 'finished' && state !== 'failed') finishNow()
  }

  // Throw this attempt away (the server counts the retake when the page starts the question again).
  async function retake() {
    clearTimers()
    unlisten()
    discarding = true
    if (state === 'recording' || state === 'switching') await stopSegment()
    discarding = false
    if (current) current.closed = true // a late file of the discarded attempt must not join the next one
    segments = []
    current = null
    deadlineAt = null
    set('idle')
  }

  function dispose() {
    clearTimers()
    unlisten()
  }

  return {
    start,
    finish,
    retake,
    dispose,
    remainingMs,
    get state() { return state },
    get segments() { return segments.slice() },
    get maxSegments() { return maxSegments },
  }
}

module.exports = { createSegmentRecorder, SEGMENT_SECONDS, STOP_MARGIN_MS, STATES }
