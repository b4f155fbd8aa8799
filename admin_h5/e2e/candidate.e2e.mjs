// The candidate's whole interview on a phone-sized Chromium against a real QingPin (API + worker), with a fake camera
// and a fake microphone playing the corpus recording q1_average.wav (12.6 s: two segments, as many as the cut and the
// reload need; q1_strong's 35.6 s recorded four in real time and added 23 s to the suite): invitation, consents, booking (+ .ics), device
// check, the practice question, then the demo job's first question recorded in segments of SEGMENT_SECONDS (the
// server runs with a short segment length) while the network is cut in the middle of an upload and the page is
// reloaded during another one. The answer must arrive whole (no duplicate segment), be transcribed by the worker within
// CER 0.15 of the corpus transcript, and the practice answer must never reach HR. Failure screens: expired link,
// camera denied, no MediaRecorder. Screenshots: test-artifacts/h5/c-*.png.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BASE, launch, phone, shot, watch, checkLayout, api, test, run, assert } from './lib.mjs'

const SHARED = process.env.QINGPIN_SHARED_DIR || resolve(process.cwd(), '../../shared')
const ANSWER = 'q1_average.wav'
const WAV = join(SHARED, 'fixtures/interview', ANSWER)
const CORPUS = JSON.parse(readFileSync(join(SHARED, 'fixtures/interview/corpus.json'), 'utf8'))
const ANSWER_ITEM = CORPUS.items.find((item) => item.file === ANSWER)
const DEMO = { email: 'admin@demo.qingpin.local', password: 'qingpin-demo-2026' }
const UPLOAD_DELAY_MS = Number(process.env.QINGPIN_E2E_UPLOAD_DELAY_MS || 2500)
const problems = []
const state = { uploadRequests: 0, failedUploadRequests: 0, beforeUnloadDialogs: 0 }
let browser, context, page

function fakeVideo() {
  const dir = mkdtempSync(join(tmpdir(), 'qp-cam-'))
  const path = join(dir, 'camera.y4m')
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15', '-t', '2', '-pix_fmt', 'yuv420p', path])
  return path
}

const fakeMedia = (video) => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${WAV}%noloop`, `--use-file-for-fake-video-capture=${video}`,
  '--autoplay-policy=no-user-gesture-required']

async function look(name, p = page) {
  await p.locator('.van-toast').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {})
  await shot(p, `c-${name}`)
  problems.push(...(await checkLayout(p, name)))
}

/** Characters only (no punctuation or spaces), for the character error rate. */
const chars = (text) => [...(text || '').replace(/[\s\p{P}\p{S}]/gu, '')]
function cer(reference, hypothesis) {
  const a = chars(reference)
  const b = chars(hypothesis)
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length] / Math.max(1, a.length)
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
async function until(what, check, timeoutMs = 60000, everyMs = 500) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(everyMs)
  }
}

test('HR side: the demo job gets a practice question and a slot; a candidate is invited', async () => {
  const login = await api('/api/auth/login', { method: 'POST', body: DEMO })
  state.hr = login.token
  const jobs = await api('/api/jobs?page_size=100', { token: state.hr })
  const job = jobs.find((j) => j.title === '对公客户经理')
  assert(job, 'the demo job is seeded')
  state.job = await api(`/api/jobs/${job.id}`, { token: state.hr })
  state.q1 = state.job.questions.find((q) => q.position === 1)
  state.practice = await api(`/api/jobs/${job.id}/questions`, { method: 'POST', token: state.hr, body: {
    text: '练习题：请用一两句话介绍一下你自己。', practice: true, think_seconds: 5, answer_seconds: 30, retakes: 2,
    competencies: { 沟通能力: 1 }, rubric: [{ text: '表达清楚', key_phrases: ['我叫', '介绍'] }] } })
  // Rescheduling is allowed up to the start here, so the candidate can move between two slots starting soon.
  await api(`/api/jobs/${job.id}/schedule-policy`, { method: 'PUT', token: state.hr, body: {
    mode: 'slots', window_hours: 72, reschedule_cutoff_hours: 0, max_reschedules: 2 } })
  const slot = async (minutes, at = null) => {
    const starts = at || new Date(Date.now() + minutes * 60 * 1000)
    starts.setSeconds(0, 0)
    return api(`/api/jobs/${job.id}/slots`, { method: 'POST', token: state.hr, body: {
      starts_at: starts.toISOString(), ends_at: new Date(starts.getTime() + 40 * 60 * 1000).toISOString(), capacity: 3, location: '线上视频面试' } })
  }
  state.firstSlot = await slot(12)
  state.slot = await slot(8)
  // The busy time declared over this slot is one day's "from-to" (the form's own shape): put the slot at 10:00 Beijing
  // time tomorrow, so its half hour never crosses midnight whenever the suite runs (at 21:30 UTC a slot two hours on
  // started at 23:32 and the half hour ended at 00:02 the next day).
  const beijing = new Date(Date.now() + 8 * 3600 * 1000)
  state.busySlot = await slot(0, new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + 1, 2, 0)))
  const application = await api('/api/applications', { method: 'POST', token: state.hr, body: {
    job_id: job.id, candidate: { name: '林晓', phone: '13900000001', email: 'lin.xiao@example.com' } } })
  state.application = application
  const invitation = await api(`/api/applications/${application.id}/invitations`, { method: 'POST', token: state.hr })
  assert(invitation.url.startsWith('/h5/c/i/'), `the invitation link opens the portal: ${invitation.url}`)
  state.invitationUrl = invitation.url
})

test('an expired or unknown invitation says who to contact', async () => {
  browser = await launch(fakeMedia(fakeVideo()))
  context = await phone(browser)
  page = await context.newPage()
  watch(page, problems)
  await page.goto(`${BASE}/h5/c/i/unknown-invitation-token-000000000000`)
  await page.waitForSelector('[data-test=problem-expired]')
  await page.waitForSelector('text=请联系向您发送面试邀请的招聘方')
  await look('expired')
})

test('the invitation opens the landing page; the token leaves the address bar', async () => {
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'beforeunload') state.beforeUnloadDialogs += 1
    await dialog.accept()
  })
  await page.goto(`${BASE}${state.invitationUrl}`)
  await page.waitForSelector('text=面试怎么进行')
  assert(!page.url().includes('/i/'), `no token in the URL after landing: ${page.url()}`)
  await page.waitForSelector('text=对公客户经理')
  await page.waitForSelector('text=练习题，不计分')
  await look('landing')
})

test('consents: both notices in full with their version, chosen separately', async () => {
  await page.click('[data-test=next-step]')
  await page.waitForSelector('[data-kind=media] .notice__text')
  const texts = await page.locator('.notice__text').allTextContents()
  assert(texts.length === 2 && texts.every((t) => t.length > 40), 'both notices shown in full')
  await page.waitForSelector('text=只由招聘人员人工观看和评分')
  await look('consent')
  await page.click('[data-test=media-yes]')
  await page.click('[data-test=ai-yes]')
  await look('consent-chosen')
  await page.click('[data-test=save-consents]')
  await page.waitForSelector('text=面试怎么进行')
})

test('booking: rules first, slots by day, book, then the .ics for the calendar', async () => {
  await page.click('[data-test=next-step]')
  await page.waitForSelector('text=预约规则')
  await page.waitForSelector(`[data-test=slot-${state.slot.id}]`)
  await look('booking-slots')
  // A declared busy time hides the slot it overlaps.
  const shanghai = (iso, options) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hour12: false, ...options }).format(new Date(iso))
  const start = state.busySlot.starts_at
  await page.click('[data-test=busy-times] .busy__toggle')
  await page.fill('input[name=busy-day]', shanghai(start, { year: 'numeric', month: '2-digit', day: '2-digit' }))
  await page.fill('input[name=busy-from]', shanghai(start, { hour: '2-digit', minute: '2-digit' }))
  await page.fill('input[name=busy-to]', shanghai(new Date(Date.parse(start) + 30 * 60 * 1000), { hour: '2-digit', minute: '2-digit' }))
  await page.fill('input[name=busy-label]', '上课')
  await page.click('[data-test=add-busy]')
  await page.waitForSelector(`[data-test=slot-${state.busySlot.id}]`, { state: 'detached' })
  await page.waitForSelector(`[data-test=slot-${state.firstSlot.id}]`)
  await look('booking-busy')
  await page.click(`[data-test=slot-${state.firstSlot.id}]`)
  await page.click('[data-test=book]')
  await page.waitForSelector('[data-test=current-booking]')
  await page.waitForSelector('text=还可改约 2 次')
  await look('booking-booked')
  // Move to the earlier slot: the limits shown before, one reschedule used after.
  await page.click(`[data-test=slot-${state.slot.id}]`)
  await page.click('[data-test=reschedule]')
  await page.waitForSelector('text=还可改约 1 次')
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(state.slot.starts_at))
  await page.waitForSelector(`[data-test=current-booking]:has-text("${time}")`)
  await page.evaluate(() => window.scrollTo(0, 0))
  await look('booking-rescheduled')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=add-calendar]')])
  const ics = readFileSync(await download.path(), 'utf8')
  assert(ics.startsWith('BEGIN:VCALENDAR') && ics.includes('BEGIN:VEVENT') && ics.includes('对公客户经理'), `an iCalendar event: ${ics.slice(0, 200)}`)
  await page.click('[data-test=booking-continue]')
  await page.waitForSelector('text=面试怎么进行')
})

test('device check: camera preview, live level, a few seconds judged by the server', async () => {
  await page.click('[data-test=next-step]')
  await page.waitForFunction(() => {
    const v = document.querySelector('video')
    return v && v.videoWidth > 0
  })
  await page.waitForSelector('text=声音正常', { timeout: 15000 })
  await look('device')
  await page.click('[data-test=device-check]')
  await page.waitForSelector('[data-test=device-verdict]', { timeout: 30000 })
  await look('device-verdict')
  const verdict = await page.locator('[data-test=device-verdict]').textContent()
  assert(verdict.includes('检测通过'), `the device check passes with the fake devices: ${verdict}`)
  await page.click('[data-test=device-continue]')
  await page.waitForSelector('[data-test=practice-question]')
  await look('questions')
})

test('practice question: recorded and sent, never scored', async () => {
  await page.click('[data-test=practice-question]')
  await page.click('[data-test=start-question]')
  await page.waitForSelector('[data-test=think-countdown]')
  await page.click('[data-test=record-now]')
  await page.waitForSelector('[data-test=answer-countdown]')
  await sleep(4000)
  await page.click('[data-test=finish-answer]')
  await page.waitForSelector('[data-test=answer-done][data-status=practice]', { timeout: 60000 })
  await look('practice-done')
  await page.click('[data-test=back-to-list]')
})

test('question 1 in segments: network cut mid-upload, a reload during another upload, nothing lost', async () => {
  // Every upload request is held a moment on its way, so uploads are in flight while the next segment records.
  await page.route('**/api/uploads/**', async (route) => {
    state.uploadRequests += 1
    await sleep(UPLOAD_DELAY_MS)
    await route.continue().catch(() => {})
  })
  page.on('requestfailed', (request) => {
    if (request.url().includes('/api/uploads/')) state.failedUploadRequests += 1
  })
  await page.click('[data-test=question-1]')
  await page.click('[data-test=start-question]')
  await page.waitForSelector('[data-test=think-countdown]')
  await page.waitForSelector('[data-test=question-text]')
  await look('q1-think')
  await page.click('[data-test=record-now]')
  await page.waitForSelector('[data-test=answer-countdown]')
  const recordingStarted = Date.now()
  // The first segment ends after SEGMENT_SECONDS: wait until its upload is on its way, then cut the network.
  await page.waitForSelector('.qp-upload-banner', { timeout: 30000 })
  await page.waitForTimeout(600)
  await look('q1-recording')
  await context.setOffline(true)
  state.cutAt = (Date.now() - recordingStarted) / 1000
  await page.waitForSelector('text=网络已断开', { timeout: 10000 })
  await look('q1-offline')
  await sleep(5000)
  await context.setOffline(false)
  // Record the whole corpus answer plus a little silence, then stop.
  await sleep(Math.max(0, (ANSWER_ITEM.duration_s + 1.5) * 1000 - (Date.now() - recordingStarted)))
  await page.click('[data-test=finish-answer]')
  await page.waitForSelector('[data-test=sending]')
  await look('q1-sending')
  // Reload while the last segments are still being sent (the page warns before it goes).
  const left = await page.evaluate(() => document.querySelector('.qp-upload-banner')?.textContent || '')
  assert(left.includes('还剩'), `segments still unsent at the reload: ${left}`)
  state.unsentAtReload = left.trim()
  await page.reload()
  await page.waitForSelector('[data-test=sending], [data-test=answer-done]', { timeout: 30000 })
  await look('q1-after-reload')
  // The hold did its work (uploads in flight at the cut and at the reload): the reloaded page sends the rest at full
  // speed (held, its two to four requests waited 2.5 s each, 10 s in all).
  await page.unroute('**/api/uploads/**')
  await page.waitForSelector('[data-test=answer-done]', { timeout: 120000 })
  await look('q1-done')
})

test('the answer arrived whole, once, and the worker transcribed it within CER 0.15', async () => {
  const detail = await until('the answer to be processed', async () => {
    const d = await api(`/api/applications/${state.application.id}`, { token: state.hr })
    const answer = d.answers.find((a) => a.question_id === state.q1.id)
    return answer && !['recording', 'uploaded', 'processing'].includes(answer.status) ? d : null
  }, 240000, 500)
  const answers = detail.answers.filter((a) => a.question_id === state.q1.id)
  assert(answers.length === 1, `one answer to question 1, got ${answers.length}`)
  const answer = answers[0]
  const indexes = answer.recordings.map((r) => r.index)
  assert(indexes.length >= 2, `at least two segments, got ${indexes.length}`)
  assert(answer.segment_count === indexes.length && indexes.every((index, i) => index === i), `segments 0..n-1 once each: ${indexes}`)
  assert(new Set(answer.recordings.map((r) => r.sha256)).size === indexes.length, 'no segment stored twice')
  const reference = ANSWER_ITEM.transcript
  state.cer = cer(reference, answer.transcript)
  state.segments = indexes.length
  state.seconds = answer.duration_seconds
  console.log(`# segments ${indexes.length}, ${answer.duration_seconds} s, status ${answer.status}, CER ${state.cer.toFixed(3)}`)
  console.log(`# transcript ${answer.transcript}`)
  assert(answer.status === 'scored', `the answer is scored: ${answer.status} ${answer.status_reason}`)
  assert(state.cer <= 0.15, `CER ${state.cer.toFixed(3)} within 0.15`)
  // The practice answer exists (the candidate's own view) but never in HR's answers, scores or agreement.
  assert(!detail.answers.some((a) => a.question_id === state.practice.id), 'no practice answer in HR\'s view')
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('qingpin.candidate.session')).token)
  const mine = await api('/api/candidate/interview', { token: session })
  const practiceAnswers = mine.answers.filter((a) => a.question_id === state.practice.id)
  assert(practiceAnswers.length === 1 && practiceAnswers[0].status === 'practice', 'the practice answer was stored for the candidate')
  const human = await fetch(`${BASE}/api/answers/${practiceAnswers[0].id}/human-scores`, { headers: { Authorization: `Bearer ${state.hr}` } })
  assert(human.status === 404, `HR cannot score the practice answer: ${human.status}`)
  const agreement = await api(`/api/jobs/${state.job.id}/agreement`, { token: state.hr })
  assert(!JSON.stringify(agreement).includes(practiceAnswers[0].id), 'the practice answer is in no agreement figure')
  assert(!JSON.stringify(detail.result ?? {}).includes(state.practice.id), 'nor in the result')
  console.log(`# upload requests ${state.uploadRequests}, failed ${state.failedUploadRequests}, network cut at ${state.cutAt?.toFixed(1)} s, reload with "${state.unsentAtReload}", beforeunload warnings ${state.beforeUnloadDialogs}`)
  assert(state.failedUploadRequests >= 1, 'the network cut really failed an upload request')
  assert(state.beforeUnloadDialogs >= 1, 'the page warned before the reload while segments were unsent')
})

/** Cut a corpus recording into standalone WAV pieces shorter than the server's segment length. */
function wavPieces(file, seconds) {
  const dir = mkdtempSync(join(tmpdir(), 'qp-wav-'))
  execFileSync('ffmpeg', ['-v', 'error', '-i', join(SHARED, 'fixtures/interview', file), '-f', 'segment', '-segment_time', String(seconds),
    '-c', 'copy', join(dir, 'piece%02d.wav')])
  return readdirSync(dir).sort().map((name) => readFileSync(join(dir, name)))
}

async function answerOverApi(token, questionId, file) {
  const started = await api(`/api/candidate/questions/${questionId}/start`, { method: 'POST', token })
  const pieces = wavPieces(file, 8)
  for (const [index, piece] of pieces.entries()) {
    const form = new FormData()
    form.append('index', String(index))
    if (index === pieces.length - 1) form.append('count', String(pieces.length))
    form.append('sha256', createHash('sha256').update(piece).digest('hex'))
    form.append('file', new Blob([piece], { type: 'audio/wav' }), `piece${index}.wav`)
    const response = await fetch(`${BASE}/api/candidate/answers/${started.answer_id}/segments`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${token}` } })
    assert(response.status === 201, `segment ${index} of ${file}: ${response.status} ${await response.text()}`)
  }
}

test('a segment the server refuses: the candidate is told the reason and may retake', async () => {
  // The recorder's upload announces a segment index the server must refuse (out of range): a real refusal by the real server.
  await page.route('**/api/uploads/', async (route) => {
    const request = route.request()
    if (request.method() !== 'POST') return route.continue()
    const metadata = request.headers()['upload-metadata'].replace(/segment_index [^,]+/, `segment_index ${Buffer.from('99').toString('base64')}`)
    await route.continue({ headers: { ...request.headers(), 'upload-metadata': metadata } })
  })
  await page.goto(`${BASE}/h5/c/interview`)
  await page.click('[data-test=question-2]')
  await page.click('[data-test=start-question]')
  await page.click('[data-test=record-now]')
  await page.waitForSelector('[data-test=answer-countdown]')
  await sleep(3000)
  await page.click('[data-test=finish-answer]')
  await page.waitForSelector('[data-test=segment-refused]', { timeout: 30000 })
  const text = await page.locator('[data-test=segment-refused]').textContent()
  assert(text.includes('bad_segment') && text.includes('重新录制'), `the refusal and its reason are shown: ${text}`)
  await look('segment-refused')
  await page.unroute('**/api/uploads/')
})

test('finish: the other answers arrive, the candidate submits the interview', async () => {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('qingpin.candidate.session')).token)
  const questions = state.job.questions.filter((q) => q.position !== 1).sort((a, b) => a.position - b.position)
  await answerOverApi(token, questions[0].id, 'q2_average.wav') // the retake of question 2
  await answerOverApi(token, questions[1].id, 'q3_average.wav')
  await page.goto(`${BASE}/h5/c/interview`)
  await page.waitForSelector('[data-test=finish-interview]:not([disabled])')
  await look('questions-answered')
  await page.click('[data-test=finish-interview]')
  await page.waitForURL(/\/h5\/c\/status$/)
  await page.waitForSelector('[data-test=state-label]')
})

test('released result with the feedback report; rights requests; status timeline and messages', async () => {
  const processed = await until('every answer processed', async () => {
    const d = await api(`/api/applications/${state.application.id}`, { token: state.hr })
    return ['scored', 'advanced'].includes(d.state) ? d : null
  }, 240000, 500)
  if (processed.state === 'scored') {
    await api(`/api/applications/${state.application.id}/decisions`, { method: 'POST', token: state.hr, body: {
      to_state: 'advanced', reason: '回答具体，有处理投诉的完整经历。', notify: true } })
  }
  await api(`/api/applications/${state.application.id}/release-result`, { method: 'POST', token: state.hr })
  await page.goto(`${BASE}/h5/c/status`)
  await page.waitForSelector('[data-test=feedback-report]')
  const report = await page.locator('[data-test=result]').textContent()
  assert(report.includes('通过') && !/\d+\.\d/.test(report), `the result with bands, never a number: ${report.slice(0, 200)}`)
  await look('result')
  await page.locator('[data-test=feedback-report]').scrollIntoViewIfNeeded()
  await look('result-report')
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await look('status-messages')
  await page.goto(`${BASE}/h5/c/me`)
  await page.click('text=解释评估结果')
  await page.waitForSelector('.van-dialog')
  await page.fill('.van-dialog textarea', '想了解沟通能力是怎么评估的。')
  await look('request-explanation')
  await page.click('.van-dialog__confirm')
  await page.waitForSelector('text=已提交')
  await page.goto(`${BASE}/h5/c/status`)
  await page.waitForSelector('text=解释评估结果')
  // HR answers it in writing: the candidate reads the answer on the status page
  const [request] = (await api(`/api/applications/${state.application.id}/requests`, { token: state.hr })).filter((r) => r.kind === 'explanation')
  const written = '沟通能力依据各题回答中说明沟通步骤和结果的部分评估。如对结果有异议，可申请人工复核。'
  await api(`/api/applications/${state.application.id}/requests/${request.id}/answer`, { method: 'POST', token: state.hr, body: { response: written } })
  await page.reload()
  await page.waitForSelector('[data-test=my-request-explanation] >> text=已答复')
  assert((await page.locator('[data-test=my-request-explanation]').textContent()).includes(written), 'the answer is shown in full')
  await page.locator('[data-test=my-request-explanation]').scrollIntoViewIfNeeded()
  await look('request-answered')
})

test('my data: consents with withdrawal, documents with progress', async () => {
  await page.goto(`${BASE}/h5/c/me`)
  await page.waitForSelector('[data-test=my-consent-media]')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.upload')])
  const photo = join(mkdtempSync(join(tmpdir(), 'qp-doc-')), 'resume.png')
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=600x800', '-frames:v', '1', photo])
  await chooser.setFiles({ name: '简历照片.png', mimeType: 'image/png', buffer: readFileSync(photo) })
  await page.waitForSelector('text=简历 · 简历照片.png', { timeout: 30000 })
  await look('my-data')
})

test('camera denied: how to allow it, and a retry', async () => {
  const denied = await launch(['--use-fake-device-for-media-stream'])
  const ctx = await phone(denied, { permissions: [] })
  const p = await ctx.newPage()
  await p.goto(`${BASE}${state.invitationUrl}`)
  await p.waitForSelector('text=面试怎么进行')
  await p.goto(`${BASE}/h5/c/device`)
  await p.waitForSelector('[data-test=media-problem]')
  await p.waitForSelector('text=没有摄像头或麦克风权限')
  await look('camera-denied', p)
  await denied.close()
})

test('no MediaRecorder: a clear message and the mini-program instead', async () => {
  const ctx = await phone(browser)
  await ctx.addInitScript(() => {
    delete window.MediaRecorder
  })
  const p = await ctx.newPage()
  await p.goto(`${BASE}${state.invitationUrl}`)
  await p.waitForSelector('text=面试怎么进行')
  await p.goto(`${BASE}/h5/c/device`)
  await p.waitForSelector('[data-test=problem-unsupported]')
  await p.waitForSelector('text=小程序')
  await look('unsupported', p)
  await ctx.close()
  await browser.close()
  // The network cut makes the requests in flight fail on purpose; anything else is a problem.
  const real = problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))
  assert(!real.length, `page problems:\n${real.join('\n')}`)
})

await run()
