/**
 * The mini-program's own modules against the REAL running API (started by tests/miniprogram/test_miniprogram.py:
 * SQLite, embedded Redis, a real RQ worker, the WeChat simulator). wx.request runs over real HTTP.
 *
 * Sign-in with a simulated wx.login code and the invitation, consent, subscribe credits, booking and rescheduling,
 * a silent re-login after the token was rotated, then one answer with the candidate's accommodation: the
 * server's think/answer seconds and max_segments drive the answer flow (services/answer-flow.js), each segment
 * goes up with tus while the next one records; one connection is cut mid-chunk and resumed via HEAD while
 * recording, another cut after 提交 "kills" the mini-program, and the next launch resumes. The practice question
 * (the server's flag) is answered the same way and never scored. The worker scores the answer once; HR decides
 * and releases; the candidate reads the result.
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
const { answerPlan, createAnswerFlow } = require('../../services/answer-flow')
const { resumeUploads } = require('../../services/index')
const { createSubscriptions } = require('../../services/subscribe')

const wx = global.wx
const env = process.env
const BASE = env.QINGPIN_API_BASE
const CHUNK = 128 * 1024
const RETRY = [200, 500, 1000, 2000, 4000]
const SEGMENT_SECONDS = 3 // camera segments of 3 s instead of 120 s, to keep the test short

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
    // Cut the 2nd PATCH of segment 0 mid-chunk while segment 1 records (resumed by HEAD in the same run); at the 2nd
    // PATCH of the last segment, after 提交, the network goes away for good and the candidate kills the app.
    const pathOf = (url) => (url || '').replace(/^https?:\/\/[^/]+/, '')
    const metadataOf = (url) => { // from the create request that returned this upload's Location
      const created = net.log.find((e) => e.method === 'POST' && e.location && pathOf(e.location) === pathOf(url))
      const pairs = created ? created.metadata.split(',').map((p) => p.split(' ')) : []
      return Object.fromEntries(pairs.map(([key, value]) => [key, Buffer.from(value || '', 'base64').toString()]))
    }
    const segmentOf = (url) => (metadataOf(url).segment_index === undefined ? null : Number(metadataOf(url).segment_index))
    const patchesOf = new Map()
    const cutIn = { answerId: null, lastSegment: null } // question 1's answer, once started
    const cuts = {
      take: (n, options) => {
        patchesOf.set(options.url, (patchesOf.get(options.url) || 0) + 1)
        if (patchesOf.get(options.url) !== 2 || metadataOf(options.url).answer_id !== cutIn.answerId) return null
        const segment = segmentOf(options.url)
        if (segment === 0) return { bytes: 50000 }
        if (segment === cutIn.lastSegment) return { bytes: 70000, offline: true }
        return null
      },
    }
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
    // which question is practice is the server's word (the `practice` flag), never the client's guess
    const [first, ...rest] = interview.questions.filter((q) => !q.practice)
    expect(interview.questions.filter((q) => q.practice)).toHaveLength(1)
    await app.subscriptions.askAt('start_interview')

    // -- question 1, with the candidate's accommodation: the server's times and max_segments drive the recorder --
    const started = await app.api.startQuestion(first.id)
    const plan = answerPlan(started)
    expect(started.question.text).toBeTruthy()
    // the server's segments are 20 s, but a camera that restarts at each cut is told the longest (recorder=camera)
    expect(started.segment_max_seconds).toBe(120)
    expect([plan.thinkSeconds, plan.answerSeconds, plan.maxSegments, plan.practice]).toEqual([
      Number(env.QINGPIN_EXPECT_THINK), Number(env.QINGPIN_EXPECT_ANSWER), segmentFiles.length, false])
    // Recorded as segments of SEGMENT_SECONDS instead of 120 s (a camera that hands back the prepared files); the
    // number of segments is the server's: the recorder ends the answer at the last one max_segments allows.
    const camera = wx.createCameraContext()
    const recorded = segmentFiles.slice()
    const stoppedAt = []
    jest.spyOn(camera, 'startRecord').mockImplementation((options) => { expect(options.timeout).toBe(SEGMENT_SECONDS) })
    jest.spyOn(camera, 'stopRecord').mockImplementation(({ success }) => setImmediate(() => {
      stoppedAt.push(Date.now())
      success({ tempVideoPath: recorded.shift(), tempThumbPath: '' })
    }))
    Object.assign(cutIn, { answerId: started.answer_id, lastSegment: segmentFiles.length - 1 })
    app = launch([200, 500])
    const flow = createAnswerFlow({ wx, camera, queue: app.queue, plan: { ...plan, segmentSeconds: SEGMENT_SECONDS }, stopMarginMs: 300,
      extension: 'wav', onFinished: (answer) => finished(answer) })
    let finished
    const answer = await new Promise((resolve) => { finished = resolve; flow.start() })
    const recordingEndedAt = Date.now()
    expect(answer.count).toBe(segmentFiles.length) // ended by max_segments, not by a local constant
    await flow.saved()
    expect(app.queue.heldAnswers()).toEqual([expect.objectContaining({ answerId: started.answer_id, count: segmentFiles.length })])

    // -- 提交: the last segment goes up with the count; the network dies in it; the next launch finishes it ---------
    await expect(flow.submit()).rejects.toMatchObject({ code: 0, reason: 'network_error' })
    const leftAfterKill = app.queue.pending()
    expect(leftAfterKill.map((item) => [item.index, item.count])).toEqual([[segmentFiles.length - 1, segmentFiles.length]])
    expect(leftAfterKill[0].uploadUrl).toBeTruthy()
    net.offline = false // the network is back; the candidate opens the mini-program again
    app = launch() // next launch: app.js resumes the queue on onLaunch (and on every onAppShow)
    const resumed = await resumeUploads(wx, app)
    expect(app.queue.pending()).toEqual([])
    const uploadsLog = net.log.filter((e) => e.url.includes('/api/uploads/'))
    const heads = uploadsLog.filter((e) => e.method === 'HEAD').length
    const creates = uploadsLog.filter((e) => e.method === 'POST').length
    expect(creates).toBe(segmentFiles.length) // every segment created once, never re-created after a cut
    // Overlap: each segment but the last was created while a later one was still recording, and was complete on
    // the server before the answer's recording ended.
    const createOf = (i) => uploadsLog.find((e) => e.method === 'POST' && e.location && segmentOf(e.location) === i)
    const createdAt = (i) => createOf(i).at
    const completedAt = (i) => {
      const size = fs.statSync(segmentFiles[i]).size
      const last = uploadsLog.find((e) => e.method === 'PATCH' && pathOf(e.url) === pathOf(createOf(i).location) && Number(e.offset) === size)
      return last && last.done
    }
    // A cut survived: after it, a HEAD on the same upload found the offset and a later PATCH completed it.
    const cutsSurvived = uploadsLog.filter((cut) => cut.cut !== undefined).filter((cut) => {
      const after = uploadsLog.filter((e) => pathOf(e.url) === pathOf(cut.url) && e.at >= cut.at && e !== cut)
      const size = Number(uploadsLog.find((e) => e.method === 'POST' && pathOf(e.location) === pathOf(cut.url)).length)
      return after.some((e) => e.method === 'HEAD' && e.status === 200) && after.some((e) => e.method === 'PATCH' && Number(e.offset) === size)
    }).length
    const overlapping = []
    for (let i = 0; i < segmentFiles.length - 1; i += 1) {
      expect(createdAt(i)).toBeGreaterThan(stoppedAt[i] - 1)
      expect(createdAt(i)).toBeLessThan(stoppedAt[i + 1]) // its upload began while segment i + 1 was recording
      if (completedAt(i) && completedAt(i) < recordingEndedAt) overlapping.push(i)
    }
    expect(overlapping).toContain(0)
    const status = await app.api.answer(started.answer_id)
    expect(status.segment_count).toBe(segmentFiles.length)
    expect(['uploaded', 'processing', 'scored']).toContain(status.status)

    // -- the practice question: the server's flag says which; recorded and uploaded the same way, never scored ----
    const practiceQuestion = (await app.api.interview()).questions.find((q) => q.practice)
    expect(practiceQuestion).toBeTruthy()
    const practiceStarted = await app.api.startQuestion(practiceQuestion.id)
    const practicePlan = answerPlan(practiceStarted)
    expect(practicePlan.practice).toBe(true)
    const practiceFile = path.join(savedDir, 'practice.wav')
    fs.copyFileSync(segmentFiles[0], practiceFile)
    recorded.push(practiceFile)
    const practiceFlow = createAnswerFlow({ wx, camera, queue: app.queue, plan: { ...practicePlan, segmentSeconds: SEGMENT_SECONDS },
      stopMarginMs: 300, extension: 'wav', onFinished: (a) => practiceDone(a) })
    let practiceDone
    await new Promise((resolve) => { practiceDone = resolve; practiceFlow.start(); setTimeout(() => practiceFlow.finish(), 300) })
    await practiceFlow.submit()
    const practiceStatus = (await app.api.answer(practiceStarted.answer_id)).status
    expect(practiceStatus).toBe('practice')

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
      cuts_survived: cutsSurvived, // resumed via HEAD on the same upload and completed
      head_requests: heads,
      uploads_created: creates,
      segments_up_before_recording_ended: overlapping.length,
      server_answer_seconds: plan.answerSeconds,
      server_think_seconds: plan.thinkSeconds,
      server_max_segments: plan.maxSegments,
      practice_status: practiceStatus,
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
    expect(cutsSurvived).toBe(2)
  })
})
