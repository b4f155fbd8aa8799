const { wx } = require('./wx-helpers')
const { ensureCameraAndMic, reopenSettings } = require('../../services/permissions')

afterEach(() => jest.restoreAllMocks())

function settings(authSetting) {
  jest.spyOn(wx, 'getSetting').mockImplementation(({ success }) => success({ authSetting }))
}

test('asks for what was never asked, and reports a refusal', async () => {
  settings({ 'scope.camera': true })
  jest.spyOn(wx, 'authorize').mockImplementation(({ scope, fail }) => fail({ errMsg: `authorize:fail auth deny ${scope}` }))
  await expect(ensureCameraAndMic(wx)).resolves.toEqual({ ok: false, denied: ['scope.record'] })
  expect(wx.authorize).toHaveBeenCalledTimes(1)
})

test('a scope refused before is not asked again (WeChat would not show it): the settings page is the way back', async () => {
  settings({ 'scope.camera': false, 'scope.record': true })
  jest.spyOn(wx, 'authorize')
  await expect(ensureCameraAndMic(wx)).resolves.toEqual({ ok: false, denied: ['scope.camera'] })
  expect(wx.authorize).not.toHaveBeenCalled()
  jest.spyOn(wx, 'openSetting').mockImplementation(({ success }) => success({ authSetting: { 'scope.camera': true, 'scope.record': true } }))
  await expect(reopenSettings(wx)).resolves.toEqual({ ok: true, denied: [] })
})
