// The practice question, as the server defines it: the interview payload flags it (`practice`), its times come with
// the candidate's accommodation, and its answer is recorded and uploaded like any other but never scored. A job
// without a practice question has none here: nothing is made up on the phone.
const { showError, services } = require('../../../utils/ui')

Page({
  data: { loading: true, practice: null },

  async onShow() {
    try {
      const interview = await services().api.interview()
      const practice = interview.questions.find((q) => q.practice) || null
      const tried = practice ? interview.answers.some((a) => a.question_id === practice.id) : false
      this.setData({ loading: false, practice: practice && { ...practice, tried } })
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  onPractice() {
    const { practice } = this.data
    if (!practice || !practice.attempts_left) return
    wx.redirectTo({ url: `/pages/interview/index?question=${practice.id}` })
  },

  onStart() {
    wx.redirectTo({ url: '/pages/interview/index' })
  },
})
