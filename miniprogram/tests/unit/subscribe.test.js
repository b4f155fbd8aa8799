const { wx, useMemoryStorage } = require('./wx-helpers')
const { createClient, TOKEN_STORAGE_KEY } = require('../../services/request')
const { createSubscriptions } = require('../../services/subscribe')

const BASE = 'https://api.test'
let reports

beforeEach(() => {
  jest.useFakeTimers()
  useMemoryStorage()
  wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 'tok', applicationId: 'app' })
  reports = []
  jest.spyOn(wx, 'request').mockImplementation((o) => {
    setTimeout(() => {
      if (o.method === 'GET') {
        o.success({ statusCode: 200, header: {}, data: [
          { template: 'booking_confirmed', template_id: 'T-book', credits: 0 },
          { template: 'reminder', template_id: 'T-remind', credits: 0 },
          { template: 'answers_received', template_id: null, credits: 0 }, // not configured on this server
        ] })
      } else {
        reports.push(o.data)
        o.success({ statusCode: 200, header: {}, data: { template: o.data.template, credits: o.data.accepted ? 1 : 0 } })
      }
    }, 5)
  })
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

test('asked inside the tap, before any await, and each accept or reject reported to the credit endpoint', async () => {
  const subscriptions = createSubscriptions({ wx, client: createClient({ wx, baseUrl: BASE }) })
  const prefetched = subscriptions.prefetch()
  await jest.runAllTimersAsync()
  expect(await prefetched).toEqual({ booking_confirmed: 'T-book', reminder: 'T-remind' })
  jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation((o) => {
    setTimeout(() => o.success({ errMsg: 'requestSubscribeMessage:ok', 'T-book': 'accept', 'T-remind': 'reject' }), 5)
  })
  const asked = subscriptions.askAt('booking')
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1) // synchronously, still inside the tap
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['T-book', 'T-remind'])
  await jest.runAllTimersAsync()
  expect(await asked).toEqual([{ template: 'booking_confirmed', accepted: true }, { template: 'reminder', accepted: false }])
  expect(reports).toEqual([{ template: 'booking_confirmed', accepted: true }, { template: 'reminder', accepted: false }])
})

test('a refused dialog, banned templates or nothing configured never block the action', async () => {
  const subscriptions = createSubscriptions({ wx, client: createClient({ wx, baseUrl: BASE }) })
  const prefetched = subscriptions.prefetch()
  await jest.runAllTimersAsync()
  await prefetched
  jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation((o) => o.fail({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture' }))
  await expect(subscriptions.askAt('booking')).resolves.toEqual([])
  wx.requestSubscribeMessage.mockImplementation((o) => o.success({ 'T-book': 'ban', 'T-remind': 'filter' }))
  await expect(subscriptions.askAt('booking')).resolves.toEqual([])
  wx.requestSubscribeMessage.mockClear()
  await expect(subscriptions.askAt('start_interview')).resolves.toEqual([]) // answers_received has no id here
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
  expect(reports).toEqual([])
})
