// How pages show an ApiError: the expired session and invitation get their own screen, the rest a toast.
function showError(err) {
  const reason = err && err.reason
  if (reason === 'session_expired' || reason === 'no_linked_application') {
    wx.reLaunch({ url: '/pages/notice/index?kind=session' })
  } else if (reason === 'invitation_invalid') {
    wx.reLaunch({ url: '/pages/notice/index?kind=invitation' })
  } else if (err && err.code === 0) {
    wx.navigateTo({ url: '/pages/notice/index?kind=network' })
  } else {
    wx.showModal({ title: '提示', content: (err && err.message) || '出错了，请稍后重试。', showCancel: false })
  }
}

function services() {
  return getApp().services
}

module.exports = { showError, services }
