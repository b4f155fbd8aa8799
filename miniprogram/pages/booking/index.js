// Slots by day; book, reschedule, cancel. Subscribe credits are asked for inside the 预约/改约 tap.
const { showError, services } = require('../../utils/ui')
const { slotsByDay, dateTime } = require('../../utils/format')
const { idempotencyKey } = require('../../services/request')

Page({
  data: { loading: true, days: [], selected: '', booking: null, bookingText: '', mode: 'slots', windowText: '', busy: false },

  onLoad() {
    services().subscriptions.prefetch().catch(() => {}) // the template ids must be known before the tap
  },

  onShow() {
    this.load()
  },

  async load() {
    try {
      const { api } = services()
      const [offer, booking] = await Promise.all([api.slots(), api.booking()])
      this.setData({
        loading: false,
        mode: offer.mode,
        windowText: offer.window ? `请在 ${dateTime(offer.window.closes_at)} 前完成面试` : '',
        days: slotsByDay(offer.slots),
        booking,
        bookingText: booking ? dateTime(booking.starts_at) : '',
      })
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  onSelect(event) {
    this.setData({ selected: event.currentTarget.dataset.id })
  },

  async onBook() {
    if (this.data.mode === 'slots' && !this.data.selected) {
      wx.showToast({ title: '请先选择一个时段', icon: 'none' })
      return
    }
    const rescheduling = Boolean(this.data.booking)
    const credits = services().subscriptions.askAt(rescheduling ? 'reschedule' : 'booking') // synchronously, in the tap
    this.key = this.key || idempotencyKey() // a second tap after a lost reply books once
    this.setData({ busy: true })
    try {
      const { api } = services()
      const slotId = this.data.mode === 'slots' ? this.data.selected : null
      await (rescheduling ? api.reschedule(slotId, this.key) : api.book(slotId, this.key))
      this.key = null
      await credits
      wx.showToast({ title: rescheduling ? '改约成功' : '预约成功', icon: 'success' })
      this.setData({ selected: '' })
      await this.load()
    } catch (err) {
      if (err.code !== 0) this.key = null
      showError(err)
    } finally {
      this.setData({ busy: false })
    }
  },

  onCancel() {
    wx.showModal({
      title: '取消预约',
      content: '取消后该时段会让给其他候选人，您需要重新预约。确定取消吗？',
      success: async ({ confirm }) => {
        if (!confirm) return
        try {
          await services().api.cancelBooking()
          await this.load()
        } catch (err) {
          showError(err)
        }
      },
    })
  },

  onDeviceCheck() {
    wx.navigateTo({ url: '/pages/interview/device-check/index' })
  },
})
