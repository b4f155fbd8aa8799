// Shared helpers of the browser tests: Debian's Chromium driven by playwright-core, a phone-sized context
// (375×812, touch, device scale 2), screenshots into the git-ignored test-artifacts/ folder, and a tiny runner.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BASE = process.env.QINGPIN_BASE_URL || 'http://127.0.0.1:5000'
export const SHOTS = resolve(process.env.QINGPIN_SCREENSHOTS || resolve(dirname(fileURLToPath(import.meta.url)), '../../test-artifacts/h5'))
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  })
}

export async function phone(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', acceptDownloads: true,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN',
    ...options,
  })
  context.setDefaultTimeout(Number(process.env.QINGPIN_E2E_TIMEOUT || 20000))
  return context
}

/** A page that fails the test on any uncaught error or console error it shows. */
export function watch(page, problems) {
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|404|409|422)/.test(msg.text())) {
      problems.push(`console: ${msg.text()}`)
    }
  })
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  await page.waitForTimeout(250) // let transitions settle
  const path = resolve(SHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

/** Check that nothing sticks out sideways and every visible button/link is a usable touch target. */
export async function checkLayout(page, label) {
  const report = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return r.width > 0 && r.right > width + 1 && style.position !== 'fixed' && !el.closest('.van-tabs__nav, .van-tabs__wrap, [class*=scroll], .agree, .transcript, canvas, .van-swipe')
    }).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
    const small = [...document.querySelectorAll('button, a[href], [role=button], .van-tabbar-item')].filter((el) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && (r.height < 24 || r.width < 24) && getComputedStyle(el).visibility !== 'hidden'
    }).map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 20)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`)
    return { wide: wide.slice(0, 5), small: small.slice(0, 5) }
  })
  const problems = []
  if (report.wide.length) problems.push(`${label}: wider than the screen: ${report.wide.join(', ')}`)
  if (report.small.length) problems.push(`${label}: touch targets under 24px: ${report.small.join(', ')}`)
  return problems
}

export async function api(path, { method = 'GET', token, body, headers = {} } = {}) {
  const request = () => fetch(`${BASE}${path}`, {
    method,
    headers: { ...(body && { 'Content-Type': 'application/json' }), ...(token && { Authorization: `Bearer ${token}` }), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  let response
  try {
    response = await request()
  } catch (err) {
    // node's fetch may reuse a kept-alive socket the server has just closed; a read is safe to send again
    if (method !== 'GET') throw err
    response = await request()
  }
  const text = await response.text()
  let data
  try { data = text ? JSON.parse(text) : null } catch { data = text }
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`)
  return data
}

const tests = []
export function test(name, fn) { tests.push({ name, fn }) }

/** Run the registered tests in order; print node-test-like lines and exit non-zero on any failure. */
export async function run() {
  let failed = 0
  for (const t of tests) {
    const started = Date.now()
    try {
      await t.fn()
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`)
    } catch (err) {
      failed += 1
      t.failed = true
      console.log(`not ok - ${t.name}\n${String(err?.stack || err).split('\n').map((l) => `  # ${l}`).join('\n')}`)
      break // the steps of a journey build on each other: the first failure is the one to read
    }
  }
  console.log(`# ${tests.length - failed - skippedAfter(tests, failed)} passed, ${failed} failed, ${skippedAfter(tests, failed)} not run`)
  process.exit(failed ? 1 : 0)
}

function skippedAfter(list, failed) {
  return failed ? list.length - list.findIndex((t) => t.failed) - 1 : 0
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`)
}
