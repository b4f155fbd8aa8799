// The recruiter's hiring round on a phone-sized Chromium against a real QingPin (API + worker):
// log in, create a job with two questions and a rubric, add and invite a candidate, (the candidate answers over the
// API with corpus recordings), open the candidate, play the answer, click an evidence quote (the player seeks to it),
// fill the scorecard, decide, release; then analytics with the Excel download; a second candidate's deletion request
// (refused under a legal hold with its reason, then carried out); a recruiter of another organization sees none of it. Screenshots of every page go to test-artifacts/h5/hr-*.png.
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { BASE, launch, phone, shot, watch, checkLayout, api, test, run, assert } from './lib.mjs'

const SHARED = process.env.QINGPIN_SHARED_DIR || resolve(process.cwd(), '../../shared')
const DEMO = { email: 'admin@demo.qingpin.local', password: 'qingpin-demo-2026' }
const OTHER = { email: process.env.QINGPIN_OTHER_EMAIL, password: process.env.QINGPIN_OTHER_PASSWORD }
const problems = []
const state = {}
let browser, page

async function confirmDialog() {
  await page.locator('.van-dialog__confirm').click()
}

async function login(p, who) {
  await p.goto(`${BASE}/h5/hr/`)
  await p.waitForSelector('input[name=email]')
  await p.fill('input[name=email]', who.email)
  await p.fill('input[name=password]', who.password)
  await p.click('button[type=submit]')
  await p.waitForURL(/\/h5\/hr\/(\?.*)?$/)
}

async function look(name) {
  await shot(page, `hr-${name}`)
  problems.push(...(await checkLayout(page, name)))
}

test('login page, then a wrong password is refused in Chinese', async () => {
  browser = await launch(['--autoplay-policy=no-user-gesture-required'])
  const context = await phone(browser)
  page = await context.newPage()
  watch(page, problems)
  await page.goto(`${BASE}/h5/hr/jobs`)
  await page.waitForSelector('input[name=email]')
  assert(decodeURIComponent(page.url()).includes('redirect=/jobs'), `the login keeps the page asked for: ${page.url()}`)
  await look('login')
  await page.fill('input[name=email]', DEMO.email)
  await page.fill('input[name=password]', 'wrong-password-1')
  await page.click('button[type=submit]')
  await page.waitForSelector('text=邮箱或密码不正确')
  await page.fill('input[name=password]', DEMO.password)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/h5\/hr\/jobs$/)
})

test('home shows the day, the lists and the funnel', async () => {
  await page.goto(`${BASE}/h5/hr/`)
  await page.waitForSelector('text=招聘漏斗')
  await page.waitForSelector('.funnel__row')
  await look('home')
})

test('create a job: competency weights are checked live', async () => {
  await page.goto(`${BASE}/h5/hr/jobs`)
  await page.waitForSelector('text=招聘中')
  await look('jobs')
  await page.click('text=新建')
  await page.waitForSelector('input[name=title]')
  await page.fill('input[name=title]', '零售客户经理（测试）')
  await page.fill('textarea[name=description]', '负责零售客户的开发与维护，处理客户投诉，办理贷款业务，坚持合规。')
  await page.fill('input[name=competency-0]', '客户导向')
  await page.fill('input[name=weight-0]', '60')
  await page.click('text=添加能力')
  await page.fill('input[name=competency-1]', '沟通能力')
  await page.fill('input[name=weight-1]', '30')
  await page.waitForSelector('[data-test=competency-sum]:has-text("90%")')
  await look('job-new')
  await page.click('button[type=submit]')
  await page.waitForSelector('text=权重合计须为 100%')
  await page.fill('input[name=weight-1]', '40')
  await page.waitForSelector('[data-test=competency-sum]:has-text("100%")')
  await page.click('button[type=submit]')
  await page.waitForURL(/\/h5\/hr\/jobs\/[0-9a-f-]{36}$/)
  state.jobId = page.url().split('/').pop()
  await page.waitForSelector('text=还没有题目')
})

async function addQuestion(text, points, weights) {
  await page.click('text=添加题目')
  await page.waitForSelector('textarea[name=text]')
  await page.fill('textarea[name=text]', text)
  for (const [name, weight] of Object.entries(weights)) {
    const box = page.locator('.van-cell .van-checkbox', { hasText: name }).first()
    if ((await box.getAttribute('aria-checked')) !== 'true') await box.click()
    await page.fill(`input[name="cweight-${name}"]`, String(weight))
  }
  for (const [i, point] of points.entries()) {
    if (i > 0) await page.click('text=添加要点')
    await page.fill(`input[name=point-${i}]`, point.text)
    await page.fill(`input[name=phrases-${i}]`, point.phrases)
    if (point.suggest) {
      // HR picks key phrases the server suggests from the point, its synonyms and the job description
      await page.click(`[data-test=suggest-${i}]`)
      const chip = page.locator('.q__chip').first()
      const phrase = (await chip.textContent()).replace(/^[+✓]\s*/, '').trim()
      await chip.click()
      await page.waitForFunction(([n, p]) => document.querySelector(`input[name=phrases-${n}]`).value.includes(p), [i, phrase])
      console.log(`# suggested key phrase picked: ${phrase}`)
    }
  }
  await look(`question-${points.length}`)
  await page.click('[data-test=save-question]')
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/)
}

test('two questions with rubric points, key phrases and competency weights', async () => {
  await addQuestion('请描述一次你处理客户投诉的经历。', [
    { text: '倾听客户诉求并表达理解', phrases: '倾听，诉求，理解，耐心' },
    { text: '了解问题原因', phrases: '原因，查明，核实' },
    { text: '提出并执行解决方案', phrases: '解决方案，解决，协调，加急' },
    { text: '跟进反馈结果', phrases: '跟进，回访，反馈，满意' },
  ], { 客户导向: 60, 沟通能力: 40 })
  await page.waitForSelector('[data-test=question-item]')
  await addQuestion('如果客户要求你绕过合规流程尽快放款，你会怎么做？', [
    { text: '坚持合规不违反规定', phrases: '合规，底线，不违反', suggest: true },
    { text: '向客户解释风险和原因', phrases: '解释，说明，风险' },
  ], { 客户导向: 50, 沟通能力: 50 })
  await page.waitForSelector('[data-test=question-item] >> nth=1')
  assert((await page.locator('[data-test=question-item]').count()) === 2, 'two questions listed')
  await look('job')
})

test('job sub-pages: slots, screening, agreement', async () => {
  await page.goto(`${BASE}/h5/hr/jobs/${state.jobId}/slots`)
  await page.waitForSelector('text=预约规则')
  await look('slots')
  await page.goto(`${BASE}/h5/hr/jobs/${state.jobId}/screening`)
  await page.waitForSelector('text=入围')
  await look('screening')
  await page.goto(`${BASE}/h5/hr/jobs/${state.jobId}/agreement`)
  await page.waitForSelector('text=校准记录')
  await look('agreement')
})

test('add a candidate and invite: the link is shown to copy', async () => {
  await page.goto(`${BASE}/h5/hr/pipeline?job=${state.jobId}`)
  await page.waitForSelector('text=全部')
  await page.click('.van-nav-bar >> text=添加')
  await page.waitForSelector('input[name=name]')
  await page.locator('.pipe__select').selectOption(state.jobId)
  await page.fill('input[name=name]', '王测试')
  await page.fill('input[name=phone]', '13900000001')
  await look('pipeline-add')
  await page.click('.pipe__add button[type=submit]')
  await page.waitForSelector('[data-test=pipeline-item]:has-text("王测试")')
  await look('pipeline')
  await page.click('[data-test=pipeline-item]:has-text("王测试")')
  await page.waitForSelector('[data-test=candidate-name]')
  state.applicationId = page.url().split('/').pop()
  await page.click('.detail__actions >> text=邀请')
  await page.click('text=生成邀请')
  const link = await page.locator('[data-test=invite-link]').textContent()
  state.invitationToken = link.trim().split('/').pop()
  assert(state.invitationToken.length >= 32, `an invitation link: ${link}`)
  await look('invite')
  await page.locator('.van-popup__close-icon').click()
})

async function answer(session, question, file) {
  // each corpus answer (~36 s) goes up whole, as a mini-program camera records it: recorder=camera gets 120 s segments
  const started = await api(`/api/candidate/questions/${question.id}/start?recorder=camera`, { method: 'POST', token: session })
  const bytes = readFileSync(resolve(SHARED, 'fixtures/interview', file))
  const form = new FormData()
  form.append('file', new Blob([bytes], { type: 'audio/wav' }), file)
  form.append('index', '0')
  form.append('count', '1')
  form.append('sha256', createHash('sha256').update(bytes).digest('hex'))
  const response = await fetch(`${BASE}/api/candidate/answers/${started.answer_id}/segments`, {
    method: 'POST', headers: { Authorization: `Bearer ${session}` }, body: form })
  assert(response.status === 201, `segment upload: ${response.status} ${await response.text()}`)
  return started.answer_id
}

test('the candidate answers both questions over the API and the worker scores them', async () => {
  const session = (await api('/api/candidate/session', { method: 'POST', body: { invitation_token: state.invitationToken } })).token
  for (const notice of (await api('/api/candidate/consents', { token: session })).notices) {
    await api('/api/candidate/consents', { method: 'POST', token: session, body: {
      kind: notice.kind, granted: true, notice_version: notice.version, text_sha256: notice.text_sha256, channel: 'h5' } })
  }
  const interview = await api('/api/candidate/interview', { token: session })
  const ids = [await answer(session, interview.questions[0], 'q1_strong.wav'), await answer(session, interview.questions[1], 'q2_average.wav')]
  const deadline = Date.now() + 240_000
  for (const id of ids) {
    let status
    while (!['scored', 'insufficient_evidence', 'failed', 'unreadable'].includes(status)) {
      assert(Date.now() < deadline, `answer ${id} was not processed in time (last status ${status})`)
      await new Promise((r) => setTimeout(r, 1000))
      status = (await api(`/api/candidate/answers/${id}`, { token: session })).status
    }
    assert(status === 'scored', `answer scored, not ${status}`)
  }
  await api('/api/candidate/interview/finish', { method: 'POST', token: session })
  // the candidate asks how they were evaluated (HR answers it on the candidate's page below)
  await api('/api/candidate/requests', { method: 'POST', token: session, body: { kind: 'explanation', message: '想了解沟通能力是怎么评估的。' } })
  state.candidateSession = session
})

test('candidate detail: play the answer, click an evidence quote and the player seeks to it', async () => {
  await page.goto(`${BASE}/h5/hr/applications/${state.applicationId}`)
  await page.waitForSelector('[data-test=answer-score]')
  await page.waitForSelector('[data-test=answer-player]')
  await look('application')
  await page.screenshot({ path: `${process.env.QINGPIN_SCREENSHOTS}/hr-application-full.png`, fullPage: true })
  const player = page.locator('[data-test=answer-player]').first()
  await player.evaluate((el) => el.play())
  await page.waitForFunction(() => document.querySelector('[data-test=answer-player]').currentTime > 0.2)
  const chip = page.locator('[data-test=evidence-chip]').nth(2)
  const target = Number(await chip.getAttribute('data-start'))
  assert(target > 3, `a quote later in the answer (${target} s)`)
  await chip.click()
  await page.waitForFunction((t) => Math.abs(document.querySelector('[data-test=answer-player]').currentTime - t) < 1.5, target)
  const at = await player.evaluate((el) => el.currentTime)
  console.log(`# evidence quote at ${target.toFixed(2)} s → player at ${at.toFixed(2)} s`)
  await page.locator('.transcript__line').nth(1).click()
  await page.waitForSelector('.transcript__line--active')
  for (const tab of ['简历', '时间线', '申请', '审计']) {
    await page.click(`.van-tab:has-text("${tab}")`)
    await page.waitForTimeout(400)
    if (tab === '审计') {
      await page.locator('text=查看').first().click()
      await page.waitForSelector('text=content-')
    }
    await look(`application-${{ 简历: 'documents', 时间线: 'timeline', 申请: 'requests', 审计: 'audit' }[tab]}`)
    if (tab === '申请') {
      // answer the candidate's explanation request in writing; too short an answer is refused beside the field
      await page.waitForSelector('[data-test=request-explanation] [data-test=request-answer]')
      await page.fill('[data-test=request-explanation] textarea', '好的')
      await page.click('[data-test=request-explanation] [data-test=request-answer]')
      await page.waitForSelector('[data-test=request-explanation] >> text=请至少写 10 个字')
      const written = '沟通能力依据第二题的回答评估：你说明了与客户沟通的步骤，但没有说明结果。可申请人工复核。'
      await page.fill('[data-test=request-explanation] textarea', written)
      await page.click('[data-test=request-explanation] [data-test=request-answer]')
      await page.click('.van-dialog__confirm')
      await page.waitForSelector('[data-test=request-explanation] >> text=已答复')
      await look('application-request-answered')
      const mine = (await api('/api/candidate/status', { token: state.candidateSession })).requests
      assert(mine.some((r) => r.kind === 'explanation' && r.status === 'answered' && r.response === written), 'the candidate reads the answer')
    }
  }
})

test('scorecard: AI scores appear beside the human ones only after submitting', async () => {
  await page.goto(`${BASE}/h5/hr/applications/${state.applicationId}/scorecard`)
  await page.waitForSelector('text=提交后才显示 AI 评分')
  assert((await page.locator('[data-test=ai-beside]').count()) === 0, 'no AI score before submitting')
  await look('scorecard')
  for (const name of ['客户导向', '沟通能力']) {
    await page.locator(`[data-test="competency-${name}"] .van-radio`).nth(3).click()
  }
  await page.fill('textarea', '两题都有具体做法和结果。')
  await page.click('[data-test=submit-scorecard]')
  await page.waitForSelector('[data-test=ai-beside]')
  await look('scorecard-submitted')
})

test('decision with a reason, then release the result', async () => {
  await page.goto(`${BASE}/h5/hr/applications/${state.applicationId}/decision`)
  await page.waitForSelector('[data-test=decision-reason]')
  await page.click('[data-test=submit-decision]')
  await page.waitForSelector('text=请写明理由')
  await page.fill('[data-test=decision-reason] textarea', '两道题回答具体，沟通清楚，进入复试。')
  await look('decision')
  await page.click('[data-test=submit-decision]')
  await confirmDialog()
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/)
  await page.waitForSelector('[data-test=state]:has-text("已通过")')
  await page.click('[data-test=release]')
  await confirmDialog()
  await page.waitForSelector('text=结果已于')
  await look('application-released')
})

test('analytics: charts with their numbers, and the Excel export', async () => {
  await page.goto(`${BASE}/h5/hr/analytics`)
  await page.waitForSelector('text=招聘漏斗')
  await page.waitForSelector('canvas')
  assert(await page.locator('.an__table >> text=已通过').count() > 0, 'the funnel table lists the stages')
  await look('analytics')
  if (process.env.QINGPIN_EXPORT_PATH) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')])
    await download.saveAs(process.env.QINGPIN_EXPORT_PATH)
    console.log(`# exported ${download.suggestedFilename()}`)
    await page.goto(`${BASE}/h5/hr/pipeline?job=${state.jobId}`)
    await page.waitForSelector('[data-test=pipeline-item]')
    const [list] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')])
    await list.saveAs(process.env.QINGPIN_EXPORT_APPS_PATH)
    console.log(`# exported ${list.suggestedFilename()}`)
  }
})

test('team: invite a colleague, who sets a password from the one-time link and is logged in', async () => {
  await page.goto(`${BASE}/h5/hr/me`)
  await page.waitForSelector('[data-test=logout]')
  await look('me')
  await page.click('text=团队成员')
  await page.waitForSelector('[data-test=member]')
  await page.click('.van-nav-bar >> text=邀请')
  await page.fill('.team__sheet input[name=name]', '李面试')
  await page.fill('.team__sheet input[name=email]', `li.${Date.now()}@demo.qingpin.local`)
  await page.click('.team__sheet .van-radio:has-text("面试官")')
  await look('team-invite')
  await page.click('text=生成邀请链接')
  const link = (await page.locator('[data-test=setup-link]').textContent()).trim()
  assert(link.includes('/h5/hr/set-password#code='), `a set-password link: ${link}`)
  await look('team-link')
  const colleague = await (await phone(browser)).newPage()
  watch(colleague, problems)
  await colleague.goto(link)
  await colleague.waitForSelector('input[name=password]')
  await colleague.fill('input[name=password]', 'li-mianshi-2026')
  await colleague.fill('input[name=repeat]', 'li-mianshi-2026')
  await shot(colleague, 'hr-set-password')
  await colleague.click('button[type=submit]')
  await colleague.waitForURL(/\/h5\/hr\/$/)
  assert(!colleague.url().includes('code='), 'the spent code is gone from the address bar')
  await colleague.goto(`${BASE}/h5/hr/me`)
  await colleague.waitForSelector('text=面试官')
  await colleague.close()
  await page.goto(`${BASE}/h5/hr/team`)
  await page.waitForSelector('[data-test=member]:has-text("李面试")')
  await look('team')
})

test('a deletion request: a legal hold refuses it with its reason, then 处理删除 erases the candidate', async () => {
  const hr = (await api('/api/auth/login', { method: 'POST', body: DEMO })).token
  const created = await api('/api/applications', { method: 'POST', token: hr,
    body: { job_id: state.jobId, candidate: { name: '赵删除', phone: '13900000002' } } })
  const invitation = await api(`/api/applications/${created.id}/invitations`, { method: 'POST', token: hr })
  const session = (await api('/api/candidate/session', { method: 'POST', body: { invitation_token: invitation.token } })).token
  await api('/api/candidate/requests', { method: 'POST', token: session, body: { kind: 'deletion', message: '请删除我的全部数据。' } })
  const confirmVisible = () => page.locator('.van-dialog__confirm:visible').click()
  await page.goto(`${BASE}/h5/hr/`)
  await page.waitForSelector('[data-test=deletion-requests] >> text=赵删除')
  await look('home-deletion-requests')
  await page.click('[data-test=deletion-requests] >> text=赵删除')
  await page.waitForURL(new RegExp(`/applications/${created.id}$`))
  await page.click('[data-test=hold-set]')
  await page.fill('[data-test=hold-reason] textarea', '劳动仲裁（2026）京劳仲字第 88 号')
  await look('application-hold-dialog')
  await confirmVisible()
  await page.waitForSelector('[data-test=legal-hold] >> text=京劳仲字第 88 号')
  await page.click('.van-tab:has-text("申请")')
  await page.waitForSelector('[data-test=request-deletion] [data-test=deletion-due]')
  await page.click('[data-test=request-deletion] [data-test=request-erase]')
  await page.waitForSelector('.van-dialog:visible >> text=依法保留')
  await look('application-erase-confirm')
  await confirmVisible()
  await page.waitForSelector('[data-test=erase-error] >> text=京劳仲字第 88 号')
  await look('application-erase-held')
  await page.click('[data-test=hold-clear]')
  await confirmVisible()
  await page.waitForSelector('[data-test=hold-set]')
  await page.click('[data-test=request-deletion] [data-test=request-erase]')
  await confirmVisible()
  await page.waitForSelector('[data-test=request-deletion] >> text=已删除')
  await page.waitForSelector('[data-test=erased-notice]')
  await page.waitForSelector('[data-test=candidate-name]:has-text("已删除")')
  await page.waitForSelector('.van-toast', { state: 'hidden' })
  const card = await page.locator('[data-test=request-deletion]').boundingBox()
  assert(card.x > 0, `the request card is in place after the erasure, not scrolled off (x = ${card.x})`)
  await look('application-erased')
  await page.goto(`${BASE}/h5/hr/`)
  assert(!(await page.locator('[data-test=deletion-requests]').count()), 'no deletion request left to process on the home page')
  const status = await fetch(`${BASE}/api/candidate/status`, { headers: { Authorization: `Bearer ${session}` } })
  assert(status.status === 401, `the erased candidate's session ended (${status.status})`)
})

test('a recruiter of another organization sees none of this data', async () => {
  assert(OTHER.email, 'QINGPIN_OTHER_EMAIL is set by the pytest side')
  const other = await (await phone(browser)).newPage()
  watch(other, problems)
  await login(other, OTHER)
  await other.goto(`${BASE}/h5/hr/pipeline`)
  await other.waitForSelector('text=这一栏没有候选人')
  assert(!(await other.content()).includes('王测试'), 'no candidate of the other organization in the pipeline')
  await other.goto(`${BASE}/h5/hr/jobs`)
  await other.waitForSelector('text=还没有招聘中的职位')
  await other.goto(`${BASE}/h5/hr/applications/${state.applicationId}`)
  await other.waitForSelector('text=内容不存在或已被删除')
  assert(!(await other.content()).includes('王测试'), 'the candidate page does not leak')
  await other.goto(`${BASE}/h5/hr/jobs/${state.jobId}`)
  await other.waitForSelector('text=内容不存在或已被删除')
  await shot(other, 'hr-other-org-denied')
  await browser.close()
  assert(!problems.length, `page problems:\n${problems.join('\n')}`)
})

await run()
