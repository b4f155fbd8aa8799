// Largest contentful paint of the HR home on the throttled phone profile (Chromium CPU ×4, 1.6 Mbps / 150 ms RTT),
// cold cache each run, logged in (the session is put in localStorage as the login page would).
// Usage: node bench/h5_hr_lcp.mjs --base http://127.0.0.1:5055 [--runs 5]; prints one line per run and the median.
const args = Object.fromEntries(process.argv.slice(2).reduce((p, a, i, all) => (a.startsWith('--') ? [...p, [a.slice(2), all[i + 1]]] : p), []))
process.env.QINGPIN_BASE_URL = args.base || process.env.QINGPIN_BASE_URL || 'http://127.0.0.1:5000'
const { BASE, launch, phone, api } = await import('../admin_h5/e2e/lib.mjs')
const RUNS = Number(args.runs || 5)

const login = await api('/api/auth/login', { method: 'POST', body: { email: 'admin@demo.qingpin.local', password: 'qingpin-demo-2026' } })
const browser = await launch()
const results = []
for (let run = 0; run < RUNS; run++) {
  const context = await phone(browser)
  await context.addInitScript((session) => localStorage.setItem('qingpin.hr.session', session),
    JSON.stringify({ token: login.token, expiresAt: login.expires_at, user: login.user }))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
  let bytes = 0
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength })
  await page.addInitScript(() => {
    window.__lcp = 0
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime }).observe({ type: 'largest-contentful-paint', buffered: true })
  })
  const started = Date.now()
  await page.goto(`${BASE}/h5/hr/`)
  await page.waitForSelector('text=今日面试')
  const ready = Date.now() - started
  await page.waitForTimeout(1500) // LCP settles after the data arrives
  const lcp = await page.evaluate(() => window.__lcp)
  results.push(lcp)
  console.log(`run ${run + 1}: LCP ${(lcp / 1000).toFixed(2)} s, home with data ${(ready / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(0)} KB transferred`)
  await context.close()
}
await browser.close()
results.sort((a, b) => a - b)
console.log(`HR home LCP median ${(results[Math.floor(results.length / 2)] / 1000).toFixed(2)} s over ${RUNS} runs (target ≤ 2.5 s)`)
