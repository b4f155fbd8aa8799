// The candidate's rights: an explanation of the evaluation, a human review, the deletion of their data.
const { showError, services } = require('../../utils/ui')

const KINDS = [
  { value: 'explanation', label: '解释评估结果', hint: '说明 AI 辅助评估依据了哪些内容，以及结果如何得出。' },
  { value: 'human_review', label: '人工复核', hint: '由招聘人员重新审阅您的回答。' },
  { value: 'deletion', label: '删除我的数据', hint: '删除您的录像、转写和评估记录，15 个工作日内处理完毕。' },
]

Page({
  data: { kinds: KINDS, kind: 'explanation', message: '', sending: false, requests: [] },

  async onShow() {
    try {
      const status = await services().api.status()
      this.setData({ requests: status.requests.map((r) => ({ ...r, label: (KINDS.find((k) => k.value === r.kind) || {}).label || r.kind })) })
    } catch (err) {
      showError(err)
    }
  },

  onKind(event) { this.setData({ kind: event.detail.value }) },
  onMessage(event) { this.setData({ message: event.detail.value }) },

  async onSend() {
    this.setData({ sending: true })
    try {
      await services().api.fileRequest(this.data.kind, this.data.message)
      wx.showToast({ title: '已提交', icon: 'success' })
      this.setData({ message: '' })
      await this.onShow()
    } catch (err) {
      showError(err)
    } finally {
      this.setData({ sending: false })
    }
  },
})
