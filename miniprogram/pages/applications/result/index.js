// The released result (通过 / 未通过) and the feedback report: coarse bands and advice, never a number.
const { showError, services } = require('../../../utils/ui')
const { dateTime } = require('../../../utils/format')

Page({
  data: { loading: true, result: null, released: '', competencies: [], overall: '', storytelling: [], about: '' },

  async onShow() {
    try {
      const result = await services().api.result()
      if (!result) return this.setData({ loading: false, result: null })
      const feedback = result.feedback || {}
      this.setData({
        loading: false,
        result,
        released: dateTime(result.released_at),
        overall: feedback.overall ? (feedback.overall.evaluated ? feedback.overall.band : feedback.overall.note) : '',
        competencies: (feedback.competencies || []).map((c) => ({ ...c, bandLabel: c.evaluated ? c.band : c.note })),
        storytelling: feedback.storytelling || [],
        about: feedback.about || '',
      })
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  onRights() {
    wx.navigateTo({ url: '/pages/rights/index' })
  },
})
