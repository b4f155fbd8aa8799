// The new employee's onboarding on a phone-sized Chromium against a real QingPin (API + worker with the real OCR):
// open the offer link, sign in with the one-time code (a wrong one is refused), see the welcome page, confirm the
// pre-filled fields and fill the rest (a wrong ID number is shown beside the field), photograph the ID card (upload
// progress, then the OCR result matching the typed number), acknowledge the handbook, confirm the start date, read the
// checklist, the suggested courses (no scores) and the messages. The case is prepared by tests/frontend/test_h5_onboarding.py.
// Screenshots of every page go to test-artifacts/h5/onboard-*.png.
import { BASE, launch, phone, shot, watch, checkLayout, test, run, assert } from './lib.mjs'

const CASE_ID = process.env.QINGPIN_CASE_ID
const CODE = process.env.QINGPIN_LOGIN_CODE
const ID_CARD = process.env.QINGPIN_ID_CARD
const ID_NUMBER = process.env.QINGPIN_ID_NUMBER
const problems = []
let browser, page

async function look(name) {
  await shot(page, `onboard-${name}`)
  problems.push(...(await checkLayout(page, name)))
}

async function text() {
  return page.evaluate(() => document.body.innerText)
}

test('the offer link opens the sign-in; a wrong code is refused in Chinese', async () => {
  assert(CASE_ID && CODE && ID_CARD && ID_NUMBER, 'QINGPIN_CASE_ID, QINGPIN_LOGIN_CODE, QINGPIN_ID_CARD, QINGPIN_ID_NUMBER are set')
  browser = await launch()
  const context = await phone(browser)
  page = await context.newPage()
  watch(page, problems)
  await page.goto(`${BASE}/h5/onboard/?case=${CASE_ID}`)
  await page.waitForSelector('input[name=code]')
  await look('login')
  await page.fill('input[name=code]', CODE === '000000' ? '111111' : '000000')
  await page.click('button[type=submit]')
  await page.waitForSelector('text=验证码不正确或已失效')
  await page.fill('input[name=code]', CODE)
  await page.click('button[type=submit]')
  try {
    await page.waitForSelector('[data-test=welcome]')
  } catch (exc) {
    await shot(page, 'onboard-login-failed')
    throw new Error(`no welcome page after signing in at ${page.url()}: ${(await text()).slice(0, 300)} ${problems.join('; ')}`)
  }
})

test('welcome: start date, place, manager and mentor', async () => {
  await page.waitForSelector('[data-test=mentor]:has-text("李导师")')
  const body = await text()
  for (const expected of ['王小明，欢迎加入', '北京分行', '陈经理', '李导师', '入职日期']) {
    assert(body.includes(expected), `welcome shows ${expected}`)
  }
  await look('welcome')
})

test('form: pre-filled fields are marked; a wrong ID number is shown beside the field and nothing is saved', async () => {
  await page.click('text=入职信息')
  await page.waitForSelector('[data-field=name]')
  const marked = await page.locator('[data-field] .source').allInnerTexts()
  assert(marked.length === 3 && marked.every((t) => t === '来自投递信息'), `name, phone, e-mail marked as pre-filled: ${marked}`)
  assert((await page.inputValue('input[name=name]')) === '王小明', 'the name is pre-filled')
  await look('form-prefilled')
  for (const name of ['name', 'phone', 'email']) await page.locator(`[data-field=${name}] .van-checkbox`).click()
  await page.fill('input[name=education]', '北京大学，本科，金融学')
  await page.fill('input[name=id_number]', ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '0' ? '1' : '0'))
  await page.fill('input[name=bank_name]', '中国工商银行')
  await page.fill('input[name=bank_card]', '6222020200112233446')
  await page.fill('input[name=emergency_contact_name]', '王父')
  await page.fill('input[name=emergency_contact_phone]', '010-87654321')
  await page.fill('textarea[name=address]', '北京市朝阳区建国路88号')
  await page.fill('input[name=hukou_place]', '北京市')
  await page.fill('input[name=social_insurance_place]', '北京市')
  await page.click('[data-test=save-form]')
  await page.waitForSelector('.van-field__error-message:has-text("校验位")')
  await page.locator('input[name=id_number]').scrollIntoViewIfNeeded()
  await look('form-error')
  await page.fill('input[name=id_number]', ID_NUMBER)
  await page.click('[data-test=save-form]')
  await page.waitForSelector('[data-test=welcome]')  // a complete form goes back to the welcome page
})

test('documents: the ID card photo goes up with progress and its OCR result matches the typed number', async () => {
  await page.click('text=上传材料')
  await page.waitForSelector('[data-kind=id_card_front] input[type=file]')
  const input = page.locator('[data-kind=id_card_front] input[type=file]')
  assert((await input.getAttribute('capture')) === 'environment' && (await input.getAttribute('accept')) === 'image/*',
    'the input opens the rear camera')
  await input.setInputFiles(ID_CARD)
  await page.waitForSelector('[data-kind=id_card_front] [data-test=ocr-result]', { timeout: 120000 })
  const result = await page.locator('[data-kind=id_card_front] [data-test=ocr-result]').innerText()
  assert(result.includes(ID_NUMBER) && result.includes('与填写一致') && !result.includes('不一致'), `OCR result: ${result}`)
  await look('documents-read')
  await page.click('[data-kind=id_card_front] [data-test=confirm-ocr]')
  await page.waitForSelector('[data-kind=id_card_front] .van-tag:has-text("已确认")')
  await page.goBack()
})

test('policies: the handbook is read and acknowledged', async () => {
  await page.click('text=制度学习')
  await page.click('[data-policy=handbook] .van-collapse-item__title')
  await page.waitForSelector('text=严禁泄露客户信息')
  const button = page.locator('[data-policy=handbook] [data-test=acknowledge]')
  assert(await button.isDisabled(), 'acknowledging needs the tick first')
  await page.locator('[data-policy=handbook] .van-checkbox').click()
  await look('policy')
  await button.click()
  await page.waitForSelector('[data-policy=handbook] .van-tag:has-text("已确认")')
  await page.goBack()
})

test('welcome: the start date is confirmed and the progress moved', async () => {
  await page.waitForSelector('[data-test=confirm-start]')
  await page.click('[data-test=confirm-start]')
  await page.locator('.van-dialog__confirm').click()
  await page.waitForSelector('text=已确认入职日期')
  const progress = await page.locator('[data-test=progress]').innerText()
  assert(/已完成 [3-9] \/ \d+ 项/.test(progress), `progress after form, ID card and handbook: ${progress}`)
  await look('welcome-confirmed')
})

test('checklist, courses without scores, messages', async () => {
  await page.click('.van-tabbar-item:has-text("待办")')
  await page.waitForSelector('[data-test=task]')
  const tasks = await page.locator('[data-test=task]').allInnerTexts()
  assert(tasks.some((t) => t.includes('确认并填写入职信息') && t.includes('已完成')), 'the form task is done')
  assert(tasks.some((t) => t.includes('开通邮箱与系统账号') && t.includes('待IT办理')), 'IT tasks show their owner')
  await look('checklist')
  await page.goto(`${BASE}/h5/onboard/training`)
  await page.waitForSelector('[data-test=course]')
  const courses = await page.locator('[data-test=course]').allInnerTexts()
  assert(courses.length === 1 && courses[0].includes('合规基础课程'), `the suggested course: ${courses}`)
  const body = await text()
  assert(!/评分|分数|得分|风险意识/.test(body), 'no score or competency gap is shown to the employee')
  await look('training')
  await page.goto(`${BASE}/h5/onboard/messages`)
  await page.waitForSelector('[data-test=message]')
  const titles = await page.locator('[data-test=message]').allInnerTexts()
  assert(titles.some((t) => t.includes('录用通知')) && titles.some((t) => t.includes('入职导师')), `messages: ${titles}`)
  await page.locator('[data-test=message]').last().click()
  await page.waitForSelector('text=一次性验证码')
  await look('messages')
})

test('HR: the board and the case with the training reason; a sensitive field is revealed on purpose', async () => {
  const context = await phone(browser)
  page = await context.newPage()
  watch(page, problems)
  await page.goto(`${BASE}/h5/hr/onboarding`)
  await page.waitForSelector('input[name=email]')
  await page.fill('input[name=email]', 'admin@demo.qingpin.local')
  await page.fill('input[name=password]', 'qingpin-demo-2026')
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-test=case]:has-text("王小明")')
  await look('hr-board')
  await page.click('[data-test=case]:has-text("王小明")')
  await page.waitForSelector('[data-test=training-reason]')
  const reason = await page.locator('[data-test=training-reason]').first().innerText()
  assert(reason.includes('风险意识评分较低 → 合规基础课程'), `the training suggestion's reason: ${reason}`)
  const body = await text()
  assert(!body.includes(ID_NUMBER) && body.includes(ID_NUMBER.slice(0, 3) + '*'), 'the ID number is masked')
  await look('hr-case')
  await page.locator('.van-cell:has-text("身份证号") .reveal').click()
  await page.locator('.van-dialog__confirm').click()
  await page.waitForSelector(`text=${ID_NUMBER}`)
})

test('no page error, nothing wider than the screen, touch targets usable', async () => {
  await browser.close()
  assert(problems.length === 0, problems.join('\n'))
})

await run()
