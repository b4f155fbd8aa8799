const { loadPage, wx } = require('./page-harness')
const { ApiError } = require('../../services/errors')

function subscriptions() {
  return { prefetch: jest.fn(() => Promise.resolve({})), askAt: jest.fn(() => Promise.resolve([])) }
}

beforeEach(() => {
  for (const name of ['reLaunch', 'redirectTo', 'navigateTo', 'showModal', 'showToast']) jest.spyOn(wx, name).mockImplementation(() => {})
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

test('invitation: the token from the QR scene, sign-in, and a clear screen for an expired invitation', async () => {
  const api = { loginWithInvitation: jest.fn() }
  const page = loadPage('pages/invitation/index', { api, client: { session: () => null } })
  page.onLoad({ scene: 'AbCdEfGhIjKlMnOpQrStUvWxYz012345' })
  expect(page.data.state).toBe('ready')
  api.loginWithInvitation.mockResolvedValueOnce({ token: 't', application_id: 'a' })
  await page.onSignIn()
  expect(api.loginWithInvitation).toHaveBeenCalledWith('AbCdEfGhIjKlMnOpQrStUvWxYz012345')
  expect(page.data.state).toBe('signed-in')
  api.loginWithInvitation.mockRejectedValueOnce(new ApiError({ code: 404, status: 'Not Found', reason: 'invitation_invalid', message: 'x' }))
  await page.onSignIn()
  expect(page.data.state).toBe('expired')
  page.onLoad({})
  expect(page.data.state).toBe('no-invitation')
})

test('booking: subscribe credits are asked inside the tap, and a retried tap after a lost reply reuses its key', async () => {
  const subs = subscriptions()
  const api = {
    slots: jest.fn(() => Promise.resolve({ mode: 'slots', slots: [{ id: 's1', starts_at: '2026-05-01T06:00:00+00:00', ends_at: '2026-05-01T07:00:00+00:00', seats_left: 2 }] })),
    booking: jest.fn(() => Promise.resolve(null)),
    book: jest.fn(),
  }
  const page = loadPage('pages/booking/index', { api, subscriptions: subs })
  await page.load()
  expect(page.data.days[0].slots[0].time).toBe('14:00–15:00')
  page.onSelect({ currentTarget: { dataset: { id: 's1' } } })
  api.book.mockImplementationOnce(() => {
    expect(subs.askAt).toHaveBeenCalledWith('booking') // before the API call: still inside the tap
    return Promise.reject(new ApiError({ code: 0, status: 'network', reason: 'network_error', message: '网络' }))
  })
  await page.onBook()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/notice/index?kind=network' })
  api.book.mockResolvedValueOnce({ id: 'b1' })
  await page.onBook()
  expect(api.book.mock.calls[1]).toEqual(['s1', api.book.mock.calls[0][1]])
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '预约成功' }))
})

test('an expired session or a denied camera leads to its own screen', async () => {
  const { showError } = require('../../utils/ui')
  showError(new ApiError({ code: 401, status: 'Unauthorized', reason: 'session_expired', message: '登录已过期' }))
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/notice/index?kind=session' })
  jest.spyOn(wx, 'getSetting').mockImplementation(({ success }) => success({ authSetting: { 'scope.camera': false } }))
  jest.spyOn(wx, 'authorize').mockImplementation(({ success }) => success({}))
  const page = loadPage('pages/interview/device-check/index', { api: {} })
  await page.onShow()
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/notice/index?kind=camera' })
  const notice = loadPage('pages/notice/index', {})
  notice.onLoad({ kind: 'camera' })
  expect(notice.data.screen.action).toBe('去设置')
})
