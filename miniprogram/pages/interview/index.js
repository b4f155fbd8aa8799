// The interview: per question, think countdown → recording countdown (segments of ≤ 120 s) → review (submit or
// retake) → resumable upload. The server enforces the times, retakes and segment counts; this page only shows them.
const { showError, services } = require('../../utils/ui')
const { clock } = require('../../utils/format')
const { ensureCameraAndMic } = require('../../services/permissions')
const { createSegmentRecorder } = require('../../services/recorder')

const MARGIN_SECONDS = 5 // finish a little before the server's recording window closes

Page({
  data: { loading: true, questions: [], allDone: false, phase: 'list', current: null, text: '', left: '', segments: 0, retakesLeft: 0, uploadError: '' },

  async onLoad() {
    const access = await ensureCameraAndMic(wx)
    if (!access.ok) return wx.redirectTo({ url: '/pages/notice/index?kind=camera' })
    services().subscriptions.prefetch().catch(() => {})
    this.load()
  },

  async load() {
    try {
      const interview = await services().api.interview()
      // Queued on the phone counts as answered; a segment the server refused for good (time over) does not.
      const pending = new Set(services().queue.waiting().map((item) => item.answerId))
      const questions = interview.questions.map((q) => {
        const answers = interview.answers.filter((a) => a.question_id === q.id)
        const done = answers.some((a) => a.status !== 'recording' || pending.has(a.id))
        return { ...q, done, retakesLeft: Math.max(0, q.retakes + 1 - answers.length) }
      })
      this.setData({ loading: false, questions, allDone: questions.every((q) => q.done), phase: 'list' })
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  onStartQuestion(event) {
    const question = this.data.questions.find((q) => q.id === event.currentTarget.dataset.id)
    if (!question || question.done) return
    services().subscriptions.askAt('start_interview') // inside the tap
    this.begin(question)
  },

  async begin(question) {
    try {
      this.started = await services().api.startQuestion(question.id)
    } catch (err) {
      return showError(err)
    }
    const s = this.started
    const windowSeconds = (new Date(s.record_by) - new Date(s.started_at)) / 1000
    // Extra time granted by HR shows up as a longer window; it is given to thinking, which can never make an
    // answer longer than the server accepts.
    const extra = Math.max(0, Math.floor(windowSeconds - question.think_seconds - question.answer_seconds - 30))
    this.question = question
    this.thinkUntil = Date.now() + (question.think_seconds + extra) * 1000
    this.setData({ phase: 'think', current: question, text: s.question.text, retakesLeft: question.retakesLeft - 1, extra, uploadError: '' })
    this.tick(() => {
      const left = (this.thinkUntil - Date.now()) / 1000
      this.setData({ left: clock(left) })
      if (left <= 0) this.onAnswer()
    })
  },

  tick(fn) {
    clearInterval(this.ticker)
    fn()
    this.ticker = setInterval(fn, 500)
  },

  onAnswer() {
    if (this.data.phase !== 'think') return
    const windowLeft = (new Date(this.started.record_by) - Date.now()) / 1000 - 30 - MARGIN_SECONDS
    const answerSeconds = Math.max(5, Math.floor(Math.min(this.question.answer_seconds, windowLeft + 30)))
    this.recorder = createSegmentRecorder({
      wx,
      camera: wx.createCameraContext(),
      answerSeconds,
      onChange: ({ state, segments, error }) => {
        this.setData({ segments: segments.length })
        if (state === 'failed') this.onCameraError(error)
      },
      onFinished: (answer) => this.review(answer),
    })
    this.setData({ phase: 'answer', segments: 0 })
    this.recorder.start()
    this.tick(() => this.setData({ left: clock(this.recorder.remainingMs() / 1000) }))
  },

  onFinishAnswer() {
    if (this.recorder) this.recorder.finish()
  },

  review(answer) {
    clearInterval(this.ticker)
    this.answer = answer
    if (!answer.count) {
      wx.showModal({ title: '没有录到内容', content: '这次没有录到视频，请重答。', showCancel: false })
    }
    this.setData({ phase: 'review' })
  },

  async onRetake() {
    await this.recorder.retake()
    this.answer = null
    this.begin({ ...this.question, retakesLeft: this.data.retakesLeft })
  },

  async onSubmit() {
    if (!this.answer || !this.answer.count) return
    const { queue } = services()
    this.setData({ phase: 'uploading', uploadError: '' })
    try {
      await queue.enqueueAnswer({ answerId: this.started.answer_id, segments: this.answer.segments })
      await queue.drain()
      wx.showToast({ title: '回答已提交', icon: 'success' })
      this.load()
    } catch (err) {
      // Network gone or the app closes: the segments stay queued on the phone and go up on the next launch.
      this.setData({ phase: 'upload-failed', uploadError: err.message })
    }
  },

  onRetryUpload() {
    this.setData({ phase: 'uploading', uploadError: '' })
    services().queue.drain().then(() => this.load(), (err) => this.setData({ phase: 'upload-failed', uploadError: err.message }))
  },

  onCameraError() {
    clearInterval(this.ticker)
    if (this.recorder) this.recorder.dispose()
    wx.redirectTo({ url: '/pages/notice/index?kind=camera' })
  },

  onFinishInterview() {
    wx.redirectTo({ url: '/pages/interview/finish/index' })
  },

  onUnload() {
    clearInterval(this.ticker)
    if (this.recorder) this.recorder.dispose()
  },
})
