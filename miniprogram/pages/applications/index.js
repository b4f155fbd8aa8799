// My application: the stage and its timeline, and the ways onward (result, messages, rights, documents).
const { showError, services } = require('../../utils/ui')
const { dateTime } = require('../../utils/format')

const NEXT = { invited: '/pages/booking/index', booked: '/pages/interview/device-check/index', in_progress: '/pages/interview/index' }

Page({
  data: { loading: true, label: '', state: '', steps: [], next: '' },

  async onShow() {
    try {
      const status = await services().api.status()
      const steps = status.timeline.filter((e) => e.label).map((e) => ({ title: e.label, content: dateTime(e.at) }))
      this.setData({ loading: false, label: status.label, state: status.state, steps, next: NEXT[status.state] || '' })
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  onNext() { wx.navigateTo({ url: this.data.next }) },
  onResult() { wx.navigateTo({ url: '/pages/applications/result/index' }) },
  onMessages() { wx.navigateTo({ url: '/pages/messages/index' }) },
  onRights() { wx.navigateTo({ url: '/pages/rights/index' }) },
  onDocuments() { wx.navigateTo({ url: '/pages/documents/index' }) },
})
