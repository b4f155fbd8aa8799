// Full-page states: network lost, camera or microphone denied, session expired, invitation expired.
const { reopenSettings } = require('../../services/permissions')

const SCREENS = {
  network: { title: '网络连接已断开', description: '已录制的回答保存在手机上，不会丢失。恢复网络后会自动继续上传。', action: '重试' },
  camera: { title: '需要摄像头和麦克风权限', description: '面试需要录制视频和声音。请在设置中打开“摄像头”和“麦克风”，然后返回继续。', action: '去设置' },
  session: { title: '登录已过期', description: '请重新打开招聘方发来的面试邀请（小程序码或链接）登录。已录制的回答不会丢失。', action: '' },
  invitation: { title: '面试邀请已失效', description: '邀请已过期或已被撤回。请联系招聘方重新发送邀请。', action: '' },
}

Page({
  data: { kind: 'network', screen: SCREENS.network },

  onLoad(options) {
    const kind = SCREENS[options.kind] ? options.kind : 'network'
    this.setData({ kind, screen: SCREENS[kind] })
    if (kind === 'network') {
      wx.onNetworkStatusChange(this.onNetwork = ({ isConnected }) => { if (isConnected) wx.navigateBack({ fail: () => wx.reLaunch({ url: '/pages/applications/index' }) }) })
    }
  },

  onUnload() {
    if (this.onNetwork) wx.offNetworkStatusChange(this.onNetwork)
  },

  async onAction() {
    if (this.data.kind === 'camera') {
      const access = await reopenSettings(wx)
      if (access.ok) wx.redirectTo({ url: '/pages/interview/device-check/index' })
      return
    }
    wx.reLaunch({ url: '/pages/applications/index' })
  },
})
