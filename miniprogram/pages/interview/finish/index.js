// Finish: only when every answer is on the server (queued segments are sent first).
const { showError, services } = require('../../../utils/ui')

Page({
  data: { state: 'ready', pending: 0 },

  onShow() {
    this.setData({ pending: services().queue.waiting().length })
  },

  async onFinish() {
    const credits = services().subscriptions.askAt('finish') // inside the tap: result and next-round messages
    this.setData({ state: 'sending' })
    try {
      await services().queue.drain()
      await services().api.finish()
      await credits
      this.setData({ state: 'finished', pending: 0 })
    } catch (err) {
      this.setData({ state: 'ready', pending: services().queue.waiting().length })
      if (err.reason === 'unanswered_questions' || err.reason === 'answer_not_submitted') return wx.redirectTo({ url: '/pages/interview/index' })
      showError(err)
    }
  },

  onStatus() {
    wx.reLaunch({ url: '/pages/applications/index' })
  },
})
