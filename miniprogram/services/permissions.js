// Camera and microphone: ask once; once refused, WeChat never asks again and only wx.openSetting can undo it.
const { call } = require('../utils/promisify')

const SCOPES = ['scope.camera', 'scope.record']

async function ensureCameraAndMic(wx) {
  const { authSetting } = await call(wx.getSetting)
  const denied = []
  for (const scope of SCOPES) {
    if (authSetting[scope] === true) continue
    if (authSetting[scope] === false) { denied.push(scope); continue }
    try {
      await call(wx.authorize, { scope })
    } catch (err) {
      denied.push(scope)
    }
  }
  return { ok: denied.length === 0, denied }
}

// From a tap on the "denied" screen: the settings page, then check again.
async function reopenSettings(wx) {
  const { authSetting } = await call(wx.openSetting)
  const denied = SCOPES.filter((scope) => authSetting[scope] !== true)
  return { ok: denied.length === 0, denied }
}

module.exports = { ensureCameraAndMic, reopenSettings, SCOPES }
