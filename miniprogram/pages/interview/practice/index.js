// A practice question recorded and played back on the phone only: never uploaded, never scored.
// (The server has no practice question yet; when it gets one, this page can fetch its text.)
const PRACTICE_QUESTION = '请用一分钟做一个简单的自我介绍。'
const PRACTICE_SECONDS = 60

Page({
  data: { question: PRACTICE_QUESTION, state: 'ready', left: PRACTICE_SECONDS, videoPath: '' },

  onRecord() {
    this.camera = wx.createCameraContext()
    this.setData({ state: 'recording', left: PRACTICE_SECONDS, videoPath: '' })
    this.camera.startRecord({ timeout: PRACTICE_SECONDS, timeoutCallback: (res) => this.done(res), fail: () => this.setData({ state: 'ready' }) })
    this.ticker = setInterval(() => {
      const left = this.data.left - 1
      this.setData({ left })
      if (left <= 0) this.onStop()
    }, 1000)
  },

  onStop() {
    clearInterval(this.ticker)
    if (this.data.state !== 'recording') return
    this.camera.stopRecord({ success: (res) => this.done(res), fail: () => this.setData({ state: 'ready' }) })
  },

  done(res) {
    clearInterval(this.ticker)
    this.setData({ state: 'recorded', videoPath: res.tempVideoPath })
  },

  onUnload() {
    clearInterval(this.ticker)
  },

  onStart() {
    wx.redirectTo({ url: '/pages/interview/index' })
  },
})
