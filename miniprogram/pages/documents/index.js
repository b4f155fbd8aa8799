// Résumé and supporting documents: a photo (wx.chooseMedia) or a file from a chat (wx.chooseMessageFile).
const { showError, services } = require('../../utils/ui')

const KINDS = { resume: '简历', diploma: '学历证书', certificate: '资格证书' }
const STATUS = { queued: '排队识别', processing: '识别中', parsed: '已识别', rejected: '无法读取，请重新上传', failed: '识别失败' }

Page({
  data: { documents: [], kind: 'resume', kinds: Object.keys(KINDS).map((value) => ({ value, label: KINDS[value] })), uploading: false },

  onShow() {
    this.load()
  },

  async load() {
    try {
      const documents = await services().api.documents()
      this.setData({ documents: documents.map((d) => ({ ...d, kindLabel: KINDS[d.kind] || d.kind, statusLabel: STATUS[d.status] || d.status })) })
    } catch (err) {
      showError(err)
    }
  },

  onKind(event) { this.setData({ kind: event.detail.value }) },

  onPhoto() {
    wx.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], success: (res) => this.send(res.tempFiles[0].tempFilePath) })
  },

  onFile() {
    wx.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'doc', 'docx', 'jpg', 'jpeg', 'png'], success: (res) => this.send(res.tempFiles[0].path) })
  },

  async send(filePath) {
    this.setData({ uploading: true })
    try {
      await services().api.uploadDocument(filePath, this.data.kind)
      wx.showToast({ title: '已上传', icon: 'success' })
      await this.load()
    } catch (err) {
      showError(err)
    } finally {
      this.setData({ uploading: false })
    }
  },
})
