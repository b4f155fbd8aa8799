// My in-app messages (what could not reach me as a WeChat message is here too), unread first.
const { showError, services } = require('../../utils/ui')
const { dateTime } = require('../../utils/format')

Page({
  data: { loading: true, messages: [] },

  async onShow() {
    try {
      const messages = await services().api.messages()
      this.setData({ loading: false, messages: messages.map((m) => ({ ...m, when: dateTime(m.created_at) })) })
    } catch (err) {
      this.setData({ loading: false })
      showError(err)
    }
  },

  async onOpen(event) {
    const message = this.data.messages.find((m) => m.id === event.currentTarget.dataset.id)
    wx.showModal({ title: message.title, content: message.body, showCancel: false })
    if (message.read) return
    try {
      await services().api.markRead(message.id)
      this.setData({ messages: this.data.messages.map((m) => (m.id === message.id ? { ...m, read: true } : m)) })
    } catch (err) {
      showError(err)
    }
  },
})
