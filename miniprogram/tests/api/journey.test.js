/**
 * The mini-program's own modules against the REAL running API (started by tests/miniprogram/test_miniprogram.py:
 * SQLite, embedded Redis, a real RQ worker, the WeChat simulator). wx.request runs over real HTTP.
 *
 * Sign-in with a simulated wx.login code and the invitation, consent, subscribe credits, booking and rescheduling,
 * a silent re-login after the token was rotated, then one answer recorded by the segment recorder as several
 * segments, uploaded by the queue with tus; one connection is cut mid-chunk and resumed via HEAD, another cut
 * "kills" the mini-program, and the next launch resumes. The worker scores the answer once; HR decides and
 * releases; the candidate reads the result.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
require('miniprogram-simulate')
const { shimRequest, shimFiles, shimStorage, httpJson } = require('./http-shim')
const { createClient } = require('../../services/request')
const { createCandidateApi } = require('../../services/candidate')
const { createTusUploader } = require('../../services/tus')
const { createUploadQueue } = require('../../services/upload-queue')
const { createSegmentRecorder } = require('../../services/recorder')
const { createSubscriptions } = require('../../services/subscribe')

const wx = global.wx
const env = process.env
const BASE = env.QINGPIN_API_BASE
const CHUNK = 128 * 1024
const RETRY = [200, 500, 1000, 2000, 4000]

const describeLive = BASE ? describe : describe.skip // run by the pytest module, which starts the server

function waitFor(check, { timeout = 240000, every = 500, what }) {
  const deadline = Date.now() + timeout
  return new Promise((resolve, reject) => {
    const tick = async () => {
      try {
        const value = await check()
        if (value) return resolve(value)
      } catch (err) {
        return reject(err)
      }
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`))
      setTimeout(tick, every)
    }
    tick()
  })
}

// The objects app.js builds at launch; called again to stand for a relaunch after the mini-program was killed.
function launch(retryDelays = RETRY) {
  const client = createClient({ wx, baseUrl: BASE })
  const uploader = createTusUploader({ wx, client, chunkSize: CHUNK, retryDelays })
  return { client, api: createCandidateApi(client), queue: createUploadQueue({ wx, uploader }), subscriptions: createSubscriptions({ wx, client }) }
}

describeLive('the mini-program against the real API', () => {
  jest.setTimeout(600000)

  test('invitation to released result, with segmented resumable uploads', async () => {
    const codes = JSON.parse(env.QINGPIN_LOGIN_CODES)
    const segmentFiles = JSON.parse(env.QINGPIN_SEGMENTS)
    const otherAnswers = JSON.parse(env.QINGPIN_OTHER_ANSWERS || '[]')
    const hr = env.QINGPIN_HR_TOKEN
    const applicationId = env.QINGPIN_APPLICATION_ID
    const savedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingpin-saved-'))
    // Cut the 2nd PATCH mid-chunk (resumed by HEAD in the same run); at the 5th the network goes away for good and
    // the candidate kills the mini-program; it comes back on the next launch.
    const plannedCuts = new Map([[2, { bytes: 50000 }], [5, { bytes: 70000, offline: true }]])
    const cuts = { take: (n) => (plannedCuts.has(n) ? plannedCuts.get(n) : null) }
    const net = shimRequest(wx, { cuts })
    shimFiles(wx, savedDir)
    shimStorage(wx)
    jest.spyOn(wx, 'login').mockImplementation(({ success, fail }) => {
      const code = codes.shift()
      setImmediate(() => (code ? success({ errMsg: 'login:ok', code }) : fail({ errMsg: 'login:fail no code left' })))
    })
    jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(({ tmplIds, success }) => {
      const result = { errMsg: 'requestSubscribeMessage:ok' }
      for (const id of tmplIds) result[id] = 'accept'
      setImmediate(() => success(result))
    })

    // -- invitation → sign-in with wx.login and the invitation token; the phone button ---------------------------
    let app = launch()
    const signedIn = await app.api.loginWithInvitation(env.QINGPIN_INVITATION_TOKEN)
    expect(signedIn.application_id).toBe(applicationId)
    expect(Object.keys(signedIn).sort()).toEqual(['application_id', 'token'])
    if (env.QINGPIN_PHONE_CODE) expect((await app.api.savePhone(env.QINGPIN_PHONE_CODE)).phone).toMatch(/^1\d{10}$/)

    // -- consents, each separately -------------------------------------------------------------------------------
    const { notices } = await app.api.consents()
    expect(notices.map((n) => n.kind).sort()).toEqual(['ai_evaluation', 'media'])
    for (const notice of notices) await app.api.consent(notice, true)
    expect((await app.api.consents()).notices.every((n) => n.granted)).toBe(true)

    // -- booking at a tap that asks for subscribe credits; then rescheduling ------------------------------------
    await app.subscriptions.prefetch()
    const offer = await app.api.slots()
    const [soon, later] = [...offer.slots].sort((a, b) => a.starts_at.localeCompare(b.starts_at))
    const credits = await app.subscriptions.askAt('booking')
    expect(credits.map((c) => c.template).sort()).toEqual(['booking_confirmed', 'reminder'])
    const key = 'a8d1c7e2-4f1e-4c55-9a61-3d2f0b7e9c11'
    const booked = await app.api.book(later.id, key)
    expect(await app.api.book(later.id, key)).toEqual(booked) // a retried tap books once
    expect((await app.api.reschedule(soon.id)).slot_id).toBe(soon.id)
    expect((await app.api.booking()).slot_id).toBe(soon.id)

    // -- the same WeChat user signed in elsewhere: our token is dead; the next call re-logs in silently -----------
    await httpJson(BASE, 'POST', '/api/candidate/wechat/login', { body: { code: env.QINGPIN_ELSEWHERE_CODE }, expect: 201 })
    const loginsBefore = wx.login.mock.calls.length
    const interview = await app.api.interview()
    const silentRelogins = wx.login.mock.calls.length - loginsBefore
    expect(silentRelogins).toBe(1)
    const [first, ...rest] = interview.questions
    await app.subscriptions.askAt('start_interview')

    // -- question 1: recorded as several segments by the recorder, on a camera that hands back real files -------
    const started = await app.api.startQuestion(first.id)
    expect(started.question.text).toBeTruthy()
    expect(started.segment_max_seconds).toBe(120)
    const camera = wx.createCameraContext()
    const recorded = segmentFiles.slice()
    jest.spyOn(camera, 'startRecord').mockImplementation((options) => { expect(options.timeout).toBe(1) })
    jest.spyOn(camera, 'stopRecord').mockImplementation(({ success }) => setImmediate(() => success({ tempVideoPath: recorded.shift(), tempThumbPath: '' })))
    const answer = await new Promise((resolve) => {
      const recorder = createSegmentRecorder({
        wx, camera, answerSeconds: 60, segmentSeconds: 1, stopMarginMs: 300,
        onChange: ({ segments }) => { if (segments.length === segmentFiles.length - 1 && recorder.state === 'recording') recorder.finish() },
        onFinished: resolve,
      })
      recorder.start()
    })
    expect(answer.count).toBe(segmentFiles.length)

    // -- upload: the queue persists everything first; one cut is survived in-run, the other "kills" the app --------
    await app.queue.enqueueAnswer({ answerId: started.answer_id, segments: answer.segments, extension: 'wav' })
    const killed = launch([200, 500])
    await expect(killed.queue.drain()).rejects.toMatchObject({ code: 0, reason: 'network_error' })
    net.offline = false // the network is back; the candidate opens the mini-program again
    const leftAfterKill = killed.queue.pending()
    expect(leftAfterKill.length).toBeGreaterThan(0)
    expect(leftAfterKill[0].uploadUrl).toBeTruthy()
    app = launch() // next launch: app.js drains the queue on onLaunch
    const resumed = await app.queue.drain()
    expect(app.queue.pending()).toEqual([])
    const heads = wx.request.mock.calls.filter(([o]) => o.method === 'HEAD').length
    const creates = wx.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url.endsWith('/api/uploads/') && !o.header['X-HTTP-Method-Override']).length
    expect(creates).toBe(segmentFiles.length) // every segment created once, never re-created after a cut
    const status = await app.api.answer(started.answer_id)
    expect(status.segment_count).toBe(segmentFiles.length)
    expect(['uploaded', 'processing', 'scored']).toContain(status.status)

    // -- the other questions: one segment each, same path -----------------------------------------------------
    for (const [i, question] of rest.entries()) {
      const s = await app.api.startQuestion(question.id)
      const temp = path.join(savedDir, `other-${i}.wav`)
      fs.copyFileSync(otherAnswers[i], temp)
      await app.queue.enqueueAnswer({ answerId: s.answer_id, segments: [{ index: 0, tempFilePath: temp }], extension: 'wav' })
      await app.queue.drain()
    }
    await app.subscriptions.askAt('finish')
    expect((await app.api.finish()).state).toBe('completed')

    // -- the worker scores; HR decides and releases; the candidate reads the result ----------------------------
    const detail = await waitFor(async () => {
      const d = await httpJson(BASE, 'GET', `/api/applications/${applicationId}`, { token: hr, expect: 200 })
      return d.state === 'scored' && d
    }, { what: 'the application to be scored' })
    const scoredEvents = detail.events.filter((e) => e.kind === 'answer_scored' && e.data.answer_id === started.answer_id)
    const scoredAnswer = detail.answers.find((a) => a.id === started.answer_id)
    expect(scoredEvents).toHaveLength(1)
    expect(scoredAnswer.status).toBe('scored')
    expect(await app.api.result()).toBeNull() // nothing before HR releases it
    await httpJson(BASE, 'POST', `/api/applications/${applicationId}/decisions`, {
      token: hr, expect: 200,
      body: { to_state: 'advanced', reason: '回答完整，要点覆盖充分', next_round: { round_name: '业务部门面试', starts_at: new Date(Date.now() + 3 * 86400e3).toISOString() } },
    })
    await httpJson(BASE, 'POST', `/api/applications/${applicationId}/release-result`, { token: hr, expect: 200 })
    const finalStatus = await app.api.status()
    expect(finalStatus.label).toBe('已通过')
    const result = await app.api.result()
    expect(result.label).toBe('通过')
    expect(result.feedback).toBeTruthy()
    const messages = await app.api.messages() // in-app copies of what could not go by WeChat
    // The result went out once as a subscribe message, on the credit this client reported at a tap.
    const outbox = await waitFor(async () => {
      const rows = await httpJson(BASE, 'GET', `/api/applications/${applicationId}/notifications`, { token: hr, expect: 200 })
      const row = rows.find((o) => o.template === 'result_available')
      return row && row.status === 'sent' && rows
    }, { timeout: 60000, what: 'the result notification' })
    const resultSent = outbox.filter((o) => o.template === 'result_available')
    expect(resultSent).toHaveLength(1)
    expect(resultSent[0].channel_used).toBe('wechat')

    const figures = {
      segments_uploaded: segmentFiles.length,
      segment_bytes: segmentFiles.map((f) => fs.statSync(f).size),
      chunk_bytes: CHUNK,
      cuts_made: net.cutsMade,
      cuts_survived: net.cutsMade, // every cut segment is on the server: the answer is complete
      head_requests: heads,
      uploads_created: creates,
      resumed_after_relaunch: resumed.length,
      silent_relogins: silentRelogins,
      times_scored: scoredEvents.length,
      content_score: scoredAnswer.content_score,
      messages: messages.length,
      result_label: result.label,
    }
    console.log(`miniprogram real-API figures: ${JSON.stringify(figures)}`)
    if (env.QINGPIN_FIGURES_FILE) fs.writeFileSync(env.QINGPIN_FIGURES_FILE, JSON.stringify(figures))
    expect(net.cutsMade).toBe(2)
  })
})
