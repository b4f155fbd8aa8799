// Subscribe-message credits: WeChat allows one message per accepted one-time template, and
// wx.requestSubscribeMessage works only inside a tap, so template ids are fetched before the tap.
const MAX_PER_REQUEST = 3 // WeChat shows at most three one-time templates in one dialog

// Which templates to ask for at which natural tap (see ../shared/docs/WECHAT.md: ask at every natural tap).
const MOMENTS = {
  booking: ['booking_confirmed', 'reminder'],
  reschedule: ['booking_confirmed', 'reminder'],
  start_interview: ['answers_received', 'result_available', 'next_round'],
  finish: ['result_available', 'next_round', 'rejection'],
}

function createSubscriptions({ wx, client }) {
  let templateIds = {}

  // Call on page load: {template name → WeChat template id} for the templates this server has configured.
  async function prefetch() {
    const credits = await client.get('/api/candidate/subscriptions')
    templateIds = {}
    for (const credit of credits) if (credit.template_id) templateIds[credit.template] = credit.template_id
    return templateIds
  }

  function report(names, result) {
    const reports = []
    for (const name of names) {
      const verdict = result[templateIds[name]]
      if (verdict !== 'accept' && verdict !== 'reject') continue // 'ban' / 'filter': nothing the candidate chose
      reports.push(client.post('/api/candidate/subscriptions', { template: name, accepted: verdict === 'accept' })
        .then(() => ({ template: name, accepted: verdict === 'accept' })))
    }
    return Promise.all(reports)
  }

  /**
   * Call synchronously from the tap handler, before any await: asks for the moment's templates and reports each
   * answer to the credit endpoint. Resolves with what was reported; never rejects (the action must go on).
   */
  function askAt(moment) {
    const names = (MOMENTS[moment] || []).filter((name) => templateIds[name]).slice(0, MAX_PER_REQUEST)
    if (!names.length) return Promise.resolve([])
    return new Promise((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: names.map((name) => templateIds[name]),
        success: (result) => report(names, result).then(resolve, () => resolve([])),
        fail: () => resolve([]),
      })
    })
  }

  return { prefetch, askAt, get templateIds() { return { ...templateIds } } }
}

module.exports = { createSubscriptions, MOMENTS }
