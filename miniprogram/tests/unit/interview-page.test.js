// The interview page with the real recorder, upload queue and tus uploader over an in-memory tus server (fake
// timers): the server's times and segment counts are used, segments go up while the next one records, the answer
// is submitted only when all of them are up, practice comes from the server's flag, a killed review comes back.
const crypto = require('crypto')
const { loadPage, wx } = require('./page-harness')
const { useFakeTusServer } = require('./fake-tus')
const { createClient } = require('../../services/request')
const { createTusUploader } = require('../../services/tus')
const { createUploadQueue, QUEUE_KEY } = require('../../services/upload-queue')

const context = useFakeTusServer()
let camera
let listeners

beforeEach(() => {
  for (const name of ['reLaunch', 'redirectTo', 'navigateTo', 'showModal', 'showToast']) jest.spyOn(wx, name).mockImplementation(() => {})
  jest.spyOn(wx, 'getSetting').mockImplementation(({ success }) => success({ authSetting: { 'scope.camera': true, 'scope.record': true } }))
  listeners = { hide: [], show: [] }
  jest.spyOn(wx, 'onAppHide').mockImplementation((fn) => listeners.hide.push(fn))
  jest.spyOn(wx, 'onAppShow').mockImplementation((fn) => listeners.show.push(fn))
  jest.spyOn(wx, 'offAppHide').mockImplementation((fn) => { listeners.hide = listeners.hide.filter((f) => f !== fn) })
  jest.spyOn(wx, 'offAppShow').mockImplementation((fn) => { listeners.show = listeners.show.filter((f) => f !== fn) })
  // A camera whose recordings are real bytes in the simulated file system.
  camera = wx.createCameraContext()
  jest.spyOn(wx, 'createCameraContext').mockReturnValue(camera)
  let made = 0
  jest.spyOn(camera, 'startRecord').mockImplementation(() => {})
  jest.spyOn(camera, 'stopRecord').mockImplementation(({ success }) => {
    const tempVideoPath = `wxfile://tmp/rec-${++made}.mp4`
    context.files.set(tempVideoPath, crypto.randomBytes(300 * 1024 + made))
    setTimeout(() => success({ tempVideoPath }), 200)
  })
})

function services({ api, chunkSize = 128 * 1024 }) {
  const client = createClient({ wx, baseUrl: context.server.origin })
  const queue = createUploadQueue({ wx, uploader: createTusUploader({ wx, client, chunkSize, retryDelays: [1000] }) })
  const subscriptions = { prefetch: jest.fn(() => Promise.resolve({})), askAt: jest.fn(() => Promise.resolve([])) }
  return { api, queue, client, subscriptions }
}

// The server's payloads: GET /api/candidate/interview and POST .../start (times with the accommodation applied).
function question(overrides = {}) {
  return { id: 'q1', position: 1, practice: false, think_seconds: 30, answer_seconds: 90, retakes: 1, retakes_left: 1, attempts_left: 2, ...overrides }
}
function started(q, { answerId = 'ans-1', maxSegments, attemptsLeft = q.attempts_left - 1 } = {}) {
  const at = Date.now()
  return {
    answer_id: answerId, attempt: 1, question: { ...q, text: '请描述一次处理客户投诉的经历。', started: true, attempts_left: attemptsLeft },
    started_at: new Date(at).toISOString(), record_by: new Date(at + (q.think_seconds + q.answer_seconds + 30) * 1000).toISOString(),
    segment_max_seconds: 120, max_segments: maxSegments,
  }
}

const meta = (upload) => [upload.metadata.answer_id, upload.metadata.segment_index, upload.metadata.segment_count]

async function openAndStart(page, id = 'q1') {
  await page.onLoad()
  await jest.advanceTimersByTimeAsync(0)
  page.onStartQuestion({ currentTarget: { dataset: { id } } })
  await jest.advanceTimersByTimeAsync(0)
}

describe("the server's think and answer seconds and max_segments, not local constants", () => {
  async function run({ think, answer, maxSegments, accommodation }) {
    const q = question({ think_seconds: think, answer_seconds: answer })
    const api = {
      interview: jest.fn(() => Promise.resolve({ questions: [q], answers: [], accommodation })),
      startQuestion: jest.fn(() => Promise.resolve(started(q, { maxSegments }))),
    }
    const page = loadPage('pages/interview/index', services({ api }))
    await openAndStart(page)
    expect(page.data.phase).toBe('think')
    expect(page.data.left).toBe(`00:${String(think).padStart(2, '0')}`.replace('00:60', '01:00'))
    await jest.advanceTimersByTimeAsync(think * 1000 - 1000)
    expect(page.data.phase).toBe('think') // the whole think time of the server, accommodation included
    await jest.advanceTimersByTimeAsync(1000)
    expect(page.data.phase).toBe('answer')
    return page
  }

  test('standard: 30 s to think, 90 s to answer, one segment', async () => {
    const page = await run({ think: 30, answer: 90, maxSegments: 1, accommodation: { extra_think_seconds: 0, extra_answer_seconds: 0, extra_retakes: 0 } })
    expect(page.data.accommodation).toBe('')
    await jest.advanceTimersByTimeAsync(90000 + 200)
    expect(page.data.phase).toBe('review')
    expect(camera.startRecord).toHaveBeenCalledTimes(1)
    expect(page.answer.count).toBe(1)
    page.onUnload()
  })

  test('accommodated (+30 s think, +60 s answer): the longer limits and a second 120 s segment', async () => {
    const page = await run({ think: 60, answer: 150, maxSegments: 2, accommodation: { extra_think_seconds: 30, extra_answer_seconds: 60, extra_retakes: 0 } })
    expect(page.data.accommodation).toBe('已为您增加思考时间 30 秒、回答时间 60 秒')
    expect(camera.startRecord).toHaveBeenLastCalledWith(expect.objectContaining({ timeout: 120 }))
    await jest.advanceTimersByTimeAsync(90000 + 200)
    expect(page.data.phase).toBe('answer') // where the standard limit ends, this candidate is still answering
    await jest.advanceTimersByTimeAsync(60000)
    expect(page.data.phase).toBe('review')
    expect(camera.startRecord).toHaveBeenCalledTimes(2)
    expect(page.answer.count).toBe(2)
    page.onUnload()
  })

  test('max_segments caps the segments: a pause in the background makes a short one, the last allowed ends the answer', async () => {
    const page = await run({ think: 30, answer: 200, maxSegments: 2, accommodation: {} })
    await jest.advanceTimersByTimeAsync(20000)
    listeners.hide.forEach((fn) => fn()) // a call comes in: segment 1 is kept (20 s)
    await jest.advanceTimersByTimeAsync(5000)
    listeners.show.forEach((fn) => fn()) // segment 2, the last the server takes
    await jest.advanceTimersByTimeAsync(118500 + 200)
    expect(page.data.phase).toBe('review') // not a third segment, though answer time is left
    expect(camera.startRecord).toHaveBeenCalledTimes(2)
    expect(page.answer.count).toBe(2)
    page.onUnload()
  })
})

test('segments go up while the next one records; the answer is submitted only when all are up', async () => {
  const q = question({ answer_seconds: 300, attempts_left: 2 })
  const api = {
    interview: jest.fn(() => Promise.resolve({ questions: [q], answers: [] })),
    startQuestion: jest.fn(() => Promise.resolve(started(q, { maxSegments: 3 }))),
  }
  const svc = services({ api })
  const page = loadPage('pages/interview/index', svc)
  await openAndStart(page)
  page.onAnswer() // the candidate starts before the think time is over
  await jest.advanceTimersByTimeAsync(118500 + 200) // segment 0 done, segment 1 recording
  expect(camera.startRecord).toHaveBeenCalledTimes(2)
  await jest.advanceTimersByTimeAsync(1000)
  expect(context.server.completed.map(meta)).toEqual([['ans-1', '0', undefined]]) // up while segment 1 records, no count yet
  expect(camera.stopRecord).toHaveBeenCalledTimes(1)
  expect(page.data.phase).toBe('answer')

  context.server.cuts.push(50 * 1024) // segment 1's first chunk is cut mid-body
  await jest.advanceTimersByTimeAsync(30000)
  page.onFinishAnswer() // at 2:30: segment 1 is the last one
  await jest.advanceTimersByTimeAsync(200)
  expect(page.data.phase).toBe('review')
  expect(context.server.completed.map(meta)).toEqual([['ans-1', '0', undefined]]) // the last one waits for 提交
  expect(svc.queue.heldAnswers()).toEqual([expect.objectContaining({ answerId: 'ans-1', questionId: 'q1', count: 2 })])

  api.interview.mockResolvedValue({ questions: [q], answers: [{ id: 'ans-1', question_id: 'q1', attempt: 1, status: 'uploaded' }] })
  const submitted = page.onSubmit()
  expect(page.data.phase).toBe('uploading')
  await jest.advanceTimersByTimeAsync(2000)
  await submitted
  expect(context.server.completed.map(meta)).toEqual([['ans-1', '0', undefined], ['ans-1', '1', '2']])
  expect(context.server.log.filter((e) => e.method === 'HEAD')).toHaveLength(1) // the cut chunk resumed where it stood
  expect(wx.showToast).toHaveBeenCalledWith({ title: '回答已提交', icon: 'success' })
  expect(wx.getStorageSync(QUEUE_KEY)).toEqual([])
  await jest.advanceTimersByTimeAsync(0)
  expect(page.data).toMatchObject({ phase: 'list', allDone: true })
  page.onUnload()
})

test('a review left open is submitted before the server window closes', async () => {
  const q = question({ think_seconds: 10, answer_seconds: 60 })
  const api = {
    interview: jest.fn(() => Promise.resolve({ questions: [q], answers: [] })),
    startQuestion: jest.fn(() => Promise.resolve(started(q, { maxSegments: 1 }))),
  }
  const page = loadPage('pages/interview/index', services({ api }))
  await openAndStart(page)
  await jest.advanceTimersByTimeAsync(10000 + 60000 + 200) // record_by is 30 s after this
  expect(page.data.phase).toBe('review')
  expect(context.server.completed).toEqual([])
  await jest.advanceTimersByTimeAsync(30000 - 8000)
  await jest.advanceTimersByTimeAsync(1000)
  expect(context.server.completed.map(meta)).toEqual([['ans-1', '0', '1']])
  page.onUnload()
})

test('a retake drops the attempt: its queued segments and files are gone, the new attempt starts', async () => {
  const q = question({ answer_seconds: 300 })
  const api = {
    interview: jest.fn(() => Promise.resolve({ questions: [q], answers: [] })),
    startQuestion: jest.fn()
      .mockImplementationOnce(() => Promise.resolve(started(q, { maxSegments: 3 })))
      .mockImplementationOnce(() => Promise.resolve(started(q, { answerId: 'ans-2', maxSegments: 3, attemptsLeft: 0 }))),
  }
  const svc = services({ api })
  const page = loadPage('pages/interview/index', svc)
  await openAndStart(page)
  page.onAnswer()
  await jest.advanceTimersByTimeAsync(150000)
  page.onFinishAnswer()
  await jest.advanceTimersByTimeAsync(1000)
  expect(page.data).toMatchObject({ phase: 'review', retakesLeft: 1 })
  await page.onRetake()
  await jest.advanceTimersByTimeAsync(0)
  expect(svc.queue.pending()).toEqual([])
  expect([...context.files.keys()]).toEqual([]) // moved out of the temp area, then removed
  expect(page.data).toMatchObject({ phase: 'think', retakesLeft: 0 })
  expect(api.startQuestion).toHaveBeenCalledTimes(2)
  expect(context.server.completed.map(meta)).toEqual([['ans-1', '0', undefined]]) // never submitted: no count was sent
  page.onUnload()
})

describe("practice comes from the server's flag", () => {
  const practice = question({ id: 'p1', position: 1, practice: true, think_seconds: 20, answer_seconds: 60, attempts_left: 3 })
  const real = question({ id: 'q2', position: 2 })

  test('listed first as 练习题, not needed to finish, started without asking for subscribe credits, never called 已提交', async () => {
    const api = {
      interview: jest.fn(() => Promise.resolve({ questions: [real, practice], answers: [] })),
      startQuestion: jest.fn(() => Promise.resolve(started(practice, { answerId: 'pa-1', maxSegments: 1 }))),
    }
    const svc = services({ api })
    const page = loadPage('pages/interview/index', svc)
    await openAndStart(page, 'p1')
    expect(page.data.questions.map((x) => [x.id, x.title])).toEqual([['p1', '练习题（不计分）'], ['q2', '第 2 题']])
    expect(svc.subscriptions.askAt).not.toHaveBeenCalled()
    expect(page.data).toMatchObject({ phase: 'think', practice: true })
    page.onAnswer()
    await jest.advanceTimersByTimeAsync(60200)
    api.interview.mockResolvedValue({ questions: [real, { ...practice, attempts_left: 2 }], answers: [
      { id: 'pa-1', question_id: 'p1', attempt: 1, status: 'practice' },
      { id: 'a-2', question_id: 'q2', attempt: 1, status: 'scored' },
    ] })
    await page.onSubmit()
    expect(wx.showToast).toHaveBeenCalledWith({ title: '练习完成（不计分）', icon: 'success' })
    await jest.advanceTimersByTimeAsync(0)
    expect(page.data.questions.map((x) => [x.id, x.label, x.done])).toEqual([['p1', '已练习', false], ['q2', '已提交', true]])
    expect(page.data.allDone).toBe(true)
    page.onUnload()
  })

  test('the real questions decide 完成面试, whatever the practice one', async () => {
    const api = { interview: jest.fn(() => Promise.resolve({ questions: [practice, real], answers: [{ id: 'pa', question_id: 'p1', attempt: 1, status: 'practice' }] })) }
    const page = loadPage('pages/interview/index', services({ api }))
    await page.onLoad()
    expect(page.data.allDone).toBe(false) // a practice answer is not an answer to question 2
    api.interview.mockResolvedValue({ questions: [practice, real], answers: [{ id: 'a-2', question_id: 'q2', attempt: 1, status: 'processing' }] })
    await page.load()
    expect(page.data.allDone).toBe(true) // the practice question was never tried: not needed
    expect(page.data.questions[0]).toMatchObject({ id: 'p1', label: '练习', done: false })
  })

  test('the practice page shows the server\'s practice question and opens it; without one it makes none up', async () => {
    const api = { interview: jest.fn(() => Promise.resolve({ questions: [real, practice], answers: [] })) }
    const page = loadPage('pages/interview/practice/index', services({ api }))
    await page.onShow()
    expect(page.data.practice).toMatchObject({ id: 'p1', think_seconds: 20, answer_seconds: 60, attempts_left: 3, tried: false })
    page.onPractice()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/interview/index?question=p1' })

    api.interview.mockResolvedValue({ questions: [real], answers: [] })
    await page.onShow()
    expect(page.data.practice).toBeNull()
    page.onPractice()
    expect(wx.redirectTo).toHaveBeenCalledTimes(1)
  })

  test('opened from the practice page, the interview page starts that question at once', async () => {
    const api = {
      interview: jest.fn(() => Promise.resolve({ questions: [real, practice], answers: [] })),
      startQuestion: jest.fn(() => Promise.resolve(started(practice, { answerId: 'pa-1', maxSegments: 1 }))),
    }
    const page = loadPage('pages/interview/index', services({ api }))
    await page.onLoad({ question: 'p1' })
    await jest.advanceTimersByTimeAsync(0)
    expect(api.startQuestion).toHaveBeenCalledWith('p1')
    expect(page.data).toMatchObject({ phase: 'think', practice: true, left: '00:20' })
    page.onUnload()
  })
})

test('killed during the review: the next launch offers the kept answer again, and 提交 sends it with its count', async () => {
  const q = question({ answer_seconds: 300 })
  const api = {
    interview: jest.fn(() => Promise.resolve({ questions: [q], answers: [] })),
    startQuestion: jest.fn(() => Promise.resolve(started(q, { maxSegments: 3 }))),
  }
  const first = loadPage('pages/interview/index', services({ api }))
  await openAndStart(first)
  first.onAnswer()
  await jest.advanceTimersByTimeAsync(150000)
  first.onFinishAnswer()
  await jest.advanceTimersByTimeAsync(2000)
  expect(first.data.phase).toBe('review')
  first.onUnload() // the mini-program is killed: only storage and saved files remain

  api.interview.mockResolvedValue({ questions: [{ ...q, attempts_left: 1 }], answers: [{ id: 'ans-1', question_id: 'q1', attempt: 1, status: 'recording' }] })
  const again = loadPage('pages/interview/index', services({ api }))
  await again.onLoad()
  expect(again.data).toMatchObject({ phase: 'review', restored: true, segments: 2, retakesLeft: 1 })
  api.interview.mockResolvedValue({ questions: [{ ...q, attempts_left: 1 }], answers: [{ id: 'ans-1', question_id: 'q1', attempt: 1, status: 'uploaded' }] })
  const submitted = again.onSubmit()
  await jest.advanceTimersByTimeAsync(1000)
  await submitted
  expect(context.server.completed.map(meta)).toEqual([['ans-1', '0', undefined], ['ans-1', '1', '2']])
  expect(again.data.phase).toBe('list')
  again.onUnload()
})
