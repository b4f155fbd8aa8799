// Local, uncommitted configuration for WeChat DevTools and builds:
//   QINGPIN_WECHAT_APPID=wx... → project.private.config.json (DevTools lets it override project.config.json's appid)
//   QINGPIN_API_BASE=https://... [QINGPIN_API_BASE_TRIAL=...] [QINGPIN_API_BASE_DEVELOP=...] → config/env.js
// The mini-program's server-side credentials stay in the backend's settings and never belong here.
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
const env = process.env

if (env.QINGPIN_WECHAT_APPID) {
  if (!/^wx[0-9a-f]{16}$/.test(env.QINGPIN_WECHAT_APPID)) throw new Error('QINGPIN_WECHAT_APPID must be "wx" and 16 hex digits')
  const file = path.join(root, 'project.private.config.json')
  const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
  fs.writeFileSync(file, `${JSON.stringify({ ...current, appid: env.QINGPIN_WECHAT_APPID }, null, 2)}\n`)
  console.log('configure: appid written to project.private.config.json (git-ignored)')
}
if (env.QINGPIN_API_BASE) {
  const bases = {
    develop: env.QINGPIN_API_BASE_DEVELOP || 'http://127.0.0.1:5000',
    trial: env.QINGPIN_API_BASE_TRIAL || env.QINGPIN_API_BASE,
    release: env.QINGPIN_API_BASE,
  }
  for (const [build, url] of Object.entries(bases)) {
    if (build !== 'develop' && !/^https:\/\/[^/]+$/.test(url)) throw new Error(`${build}: the API base must be https://host (no path)`)
  }
  const text = fs.readFileSync(path.join(root, 'config', 'env.js'), 'utf8')
  const header = text.slice(0, text.indexOf('module.exports'))
  fs.writeFileSync(path.join(root, 'config', 'env.js'), `${header}module.exports = ${JSON.stringify(bases, null, 2)}\n`)
  console.log(`configure: API base ${bases.release} written to config/env.js`)
}
