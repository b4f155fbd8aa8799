// The two notices, agreed to separately: recording (required to interview) and AI evaluation (optional).
const { showError, services } = require('../../utils/ui')

Page({
  data: { loading: true, media: null, ai: null },

  async onShow() {
    try {
      const { notices } = await services().api.consents()
      const byKind = {}
      for (const notice of notices) byKind[notice.kind] = notice
      this.notices = byKind
      this.setData({ loading: false, media: byKind.media, ai: byKind.ai_evaluation })
    } catch (err) {
      showError(err)
    }
  },

  async choose(kind, granted) {
    try {
      const { notices } = await services().api.consent(this.notices[kind], granted)
      const byKind = {}
      for (const notice of notices) byKind[notice.kind] = notice
      this.notices = byKind
      this.setData({ media: byKind.media, ai: byKind.ai_evaluation })
    } catch (err) {
      showError(err)
    }
  },

  onMediaAgree() { this.choose('media', true) },
  onMediaRefuse() { this.choose('media', false) },
  onAiAgree() { this.choose('ai_evaluation', true) },
  onAiRefuse() { this.choose('ai_evaluation', false) },

  onNext() {
    if (!this.data.media || !this.data.media.granted) {
      wx.showModal({ title: '需要录音录像同意', content: '面试需要录制您的回答。若不同意，请联系招聘方安排其他面试方式。', showCancel: false })
      return
    }
    wx.redirectTo({ url: '/pages/booking/index' })
  },
})
