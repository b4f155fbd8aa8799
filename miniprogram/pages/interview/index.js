// The interview: per question, think countdown → recording countdown (segments of ≤ 120 s, each uploaded while the
// next one records) → review (submit or retake) → the last segment goes up and the answer is submitted. The times,
// the number of segments and which question is practice all come from the server (StartedQuestion and the
// interview payload, with the candidate's accommodation applied); the server enforces them.
const { showError, services } = require('../../utils/ui')
const { clock } = require('../../utils/format')
const { ensureCameraAndMic } = require('../../services/permissions')
const { answerPlan, createAnswerFlow, submitAnswer, AUTO_SUBMIT_SECONDS } = require('../../services/answer-flow')

// Answers that count as given (the H5 portal uses the same list); practice answers never count.
const USABLE = ['uploaded', 'processing', 'scored', 'insufficient_evidence', 'human_review', 'failed']

function accommodationNote(extra) {
  if (!extra) return ''
  const parts = []
  if (extra.extra_think_seconds) parts.push(`思考时间 ${extra.extra_think_seconds} 秒`)
  if (extra.extra_answer_seconds) parts.push(`回答时间 ${extra.extra_answer_seconds} 秒`)
  if (extra.extra_retakes) parts.push(`重答 ${extra.extra_retakes} 次`)
  return parts.length ? `已为您增加${parts.join('、')}` : ''
}

Page({
  data: {
    loading: true, questions: [], allDone: false, phase: 'list', current: null, text: '', left: '', segments: 0,
    retakesLeft: 0, uploadError: '', accommodation: '', restored: false, practice: false,
  },

  async onLoad(options = {}) {
    const access = await ensureCameraAndMic(wx)
    if (!access.ok) return wx.redirectTo({ url: '/pages/notice/index?kind=camera' })
    services().subscriptions.prefetch().catch(() => {})
    await this.load()
    const wanted = options.question && this.data.questions.find((q) => q.id === options.question)
    if (wanted && !wanted.done && this.data.phase === 'list') this.begin(wanted) // the tap was on the practice page
  },

  async load() {
    try {
      const interview = await services().api.interview()
      const { queue } = services()
      const held = queue.heldAnswers()
      // Sent, or still going up from the phone, counts as answered; a refused segment (time over) does not.
      const sending = new Set(queue.waiting().map((item) => item.answerId))
      const latest = {}
      for (const a of interview.answers) if (!latest[a.question_id] || a.attempt > latest[a.question_id].attempt) latest[a.question_id] = a
      const questions = interview.questions.map((q) => {
        const answer = latest[q.id]
        const given = !!answer && (USABLE.includes(answer.status) || answer.status === 'practice' || sending.has(answer.id))
        // a practice question may be tried again while the server allows attempts; a real one is done once given
        const done = q.practice ? q.attempts_left === 0 : given
        const label = q.practice ? (given ? '已练习' : '练习') : (given ? '已提交' : '')
        return { ...q, done, given, label, title: q.practice ? '练习题（不计分）' : `第 ${q.position} 题` }
      }).sort((a, b) => Number(!!b.practice) - Number(!!a.practice) || a.position - b.position)
      this.interview = interview
      this.setData({
        loading: false, questions, phase: 'list',
        allDone: questions.filter((q) => !q.practice).every((q) => q.given),
        accommodation: accommodationNote(interview.accommodation),
      })
      this.restore(held, latest)
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  // An answer recorded before the mini-program was killed, neither submitted nor retaken: offer it again.
  restore(held, latest) {
    const { queue } = services()
    for (const answer of held) {
      const question = this.data.questions.find((q) => q.id === answer.questionId)
      const current = question && latest[question.id]
      if (!current || current.id !== answer.answerId || current.status !== 'recording') {
        queue.discardAnswer(answer.answerId) // superseded or already submitted: nothing to offer
        continue
      }
      this.plan = { answerId: answer.answerId, questionId: question.id, practice: question.practice, deadlineAt: answer.deadlineAt,
        attemptsLeft: question.attempts_left }
      this.question = question
      this.answer = { count: answer.count }
      this.flow = null
      this.setData({ phase: 'review', restored: true, current: question, text: '', segments: answer.count,
        retakesLeft: question.attempts_left, practice: question.practice })
      this.watchReview()
      return
    }
  },

  onStartQuestion(event) {
    const question = this.data.questions.find((q) => q.id === event.currentTarget.dataset.id)
    if (!question || question.done) return
    if (!question.practice) services().subscriptions.askAt('start_interview') // inside the tap
    this.begin(question)
  },

  async begin(question) {
    let started
    try {
      started = await services().api.startQuestion(question.id)
    } catch (err) {
      return showError(err)
    }
    this.plan = answerPlan(started, Date.now())
    this.question = question
    this.answer = null
    this.setData({ phase: 'think', current: question, text: started.question.text, retakesLeft: this.plan.attemptsLeft,
      practice: this.plan.practice, restored: false, uploadError: '', segments: 0 })
    this.tick(() => {
      const left = (this.plan.thinkUntil - Date.now()) / 1000
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
    this.flow = createAnswerFlow({
      wx,
      camera: wx.createCameraContext(),
      queue: services().queue,
      plan: this.plan,
      onChange: ({ state, segments, error }) => {
        this.setData({ segments: segments.length })
        if (state === 'failed') this.onCameraError(error)
      },
      onFinished: (answer) => this.review(answer),
    })
    this.setData({ phase: 'answer', segments: 0 })
    this.flow.start()
    this.tick(() => this.setData({ left: clock(this.flow.remainingMs() / 1000) }))
  },

  onFinishAnswer() {
    if (this.flow) this.flow.finish()
  },

  review(answer) {
    this.answer = answer
    if (!answer.count) {
      clearInterval(this.ticker)
      wx.showModal({ title: '没有录到内容', content: '这次没有录到视频，请重答。', showCancel: false })
    }
    this.setData({ phase: 'review' })
    if (answer.count) this.watchReview()
  },

  // The server's window closes at record_by: a review left open is submitted before, so nothing recorded is lost.
  watchReview() {
    this.tick(() => {
      const left = (this.plan.deadlineAt - Date.now()) / 1000 - AUTO_SUBMIT_SECONDS
      this.setData({ left: clock(Math.max(0, left)) })
      if (left <= 0 && this.data.phase === 'review') this.onSubmit()
    })
  },

  async onRetake() {
    clearInterval(this.ticker)
    const { queue } = services()
    if (this.flow) await this.flow.retake()
    else await queue.discardAnswer(this.plan.answerId)
    this.answer = null
    this.begin(this.question)
  },

  async onSubmit() {
    if (!this.answer || !this.answer.count || this.data.phase !== 'review') return
    clearInterval(this.ticker)
    this.setData({ phase: 'uploading', uploadError: '' })
    try {
      if (this.flow) await this.flow.submit()
      else await submitAnswer(services().queue, this.plan.answerId, this.answer.count)
      wx.showToast({ title: this.plan.practice ? '练习完成（不计分）' : '回答已提交', icon: 'success' })
      this.load()
    } catch (err) {
      // Network gone or the app closes: the segments stay queued on the phone and go up on the next show or launch.
      this.setData({ phase: 'upload-failed', uploadError: err.message })
    }
  },

  onRetryUpload() {
    this.setData({ phase: 'uploading', uploadError: '' })
    services().queue.drainAnswer(this.plan.answerId)
      .then(() => this.load(), (err) => this.setData({ phase: 'upload-failed', uploadError: err.message }))
  },

  onCameraError() {
    clearInterval(this.ticker)
    if (this.flow) this.flow.dispose()
    wx.redirectTo({ url: '/pages/notice/index?kind=camera' })
  },

  onFinishInterview() {
    wx.redirectTo({ url: '/pages/interview/finish/index' })
  },

  onUnload() {
    clearInterval(this.ticker)
    if (this.flow) this.flow.dispose()
  },
})
