// Camera preview and a 5-second test recording checked by the server (level, clipping, speech).
const { showError, services } = require('../../../utils/ui')
const { ensureCameraAndMic } = require('../../../services/permissions')

const TEST_SECONDS = 5

Page({
  data: { state: 'checking', result: null },

  async onShow() {
    const access = await ensureCameraAndMic(wx)
    if (!access.ok) return wx.redirectTo({ url: '/pages/notice/index?kind=camera' })
    this.setData({ state: 'ready' })
  },

  onCameraError() {
    wx.redirectTo({ url: '/pages/notice/index?kind=camera' })
  },

  onRecord() {
    const camera = wx.createCameraContext()
    this.setData({ state: 'recording', result: null })
    camera.startRecord({
      timeout: TEST_SECONDS + 5,
      fail: () => this.onCameraError(),
    })
    this.timer = setTimeout(() => {
      camera.stopRecord({
        success: (res) => this.check(res.tempVideoPath),
        fail: () => this.setData({ state: 'ready' }),
      })
    }, TEST_SECONDS * 1000)
  },

  async check(filePath) {
    this.setData({ state: 'uploading' })
    try {
      const result = await services().api.deviceCheck(filePath)
      this.setData({ state: 'ready', result })
    } catch (err) {
      this.setData({ state: 'ready' })
      showError(err)
    }
  },

  onUnload() {
    clearTimeout(this.timer)
  },

  onPractice() {
    wx.navigateTo({ url: '/pages/interview/practice/index' })
  },

  onStart() {
    wx.redirectTo({ url: '/pages/interview/index' })
  },
})
