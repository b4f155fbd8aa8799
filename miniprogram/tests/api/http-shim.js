// wx.request and the FileSystemManager shimmed onto real HTTP and real files, as spies over miniprogram-simulate's
// stubs, so the mini-program's own modules talk to the real server. A PATCH can be cut mid-body on purpose.
const fs = require('fs')
const http = require('http')
const path = require('path')

function headerOf(headers, name) {
  const key = Object.keys(headers || {}).find((k) => k.toLowerCase() === name.toLowerCase())
  return key && headers[key]
}

function shimRequest(wx, { cuts }) {
  // log: one entry per request, {at, method, url, metadata?, status?, offset?, done?} (done: ms when it ended)
  const stats = { requests: 0, cutsMade: 0, patches: 0, offline: false, log: [] }
  jest.spyOn(wx, 'request').mockImplementation((options) => {
    stats.requests += 1
    if (stats.offline) {
      setImmediate(() => options.fail && options.fail({ errMsg: 'request:fail network is down' }))
      return { abort() {} }
    }
    const url = new URL(options.url)
    const headers = { ...(options.header || {}) }
    let body = null
    if (options.data instanceof ArrayBuffer) body = Buffer.from(options.data)
    else if (options.data !== undefined && options.method !== 'GET' && options.method !== 'HEAD') {
      body = Buffer.from(typeof options.data === 'string' ? options.data : JSON.stringify(options.data))
      if (!headerOf(headers, 'Content-Type')) headers['Content-Type'] = 'application/json'
    }
    if (body) headers['Content-Length'] = String(body.length)
    const isPatch = headerOf(headers, 'X-HTTP-Method-Override') === 'PATCH'
    if (isPatch) stats.patches += 1
    const cut = isPatch ? cuts.take(stats.patches, options) : null
    const entry = { at: Date.now(), method: isPatch ? 'PATCH' : (options.method || 'GET'), url: options.url, metadata: headerOf(headers, 'Upload-Metadata'),
      length: headerOf(headers, 'Upload-Length') }
    stats.log.push(entry)
    const req = http.request({ method: options.method || 'GET', hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers })
    let settled = false
    const fail = (errMsg) => {
      if (settled) return
      settled = true
      entry.done = Date.now()
      options.fail && options.fail({ errMsg })
    }
    req.setTimeout(options.timeout || 60000, () => { req.destroy(); fail('request:fail timeout') })
    req.on('error', (err) => fail(`request:fail ${err.message}`))
    req.on('response', (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        if (settled) return
        settled = true
        Object.assign(entry, { done: Date.now(), status: res.statusCode, offset: res.headers['upload-offset'], location: res.headers.location })
        const text = Buffer.concat(chunks).toString('utf8')
        let data = text
        if ((res.headers['content-type'] || '').includes('json') && text) data = JSON.parse(text)
        options.success && options.success({ errMsg: 'request:ok', statusCode: res.statusCode, header: res.headers, data, cookies: [] })
      })
    })
    if (cut !== null && body) {
      // The train enters a tunnel: part of the chunk goes out, then the connection is gone (for a while, if offline).
      stats.cutsMade += 1
      entry.cut = cut.bytes
      if (cut.offline) stats.offline = true
      req.write(body.subarray(0, cut.bytes), () => setTimeout(() => {
        req.socket && req.socket.end()
        req.destroy()
        fail('request:fail socket hang up')
      }, 50))
      return { abort() {} }
    }
    req.end(body || undefined)
    return { abort() { req.destroy() } }
  })
  return stats
}

function shimFiles(wx, savedDir) {
  const fsm = wx.getFileSystemManager()
  let saved = 0
  const later = (fn) => setImmediate(fn)
  jest.spyOn(fsm, 'readFile').mockImplementation(({ filePath, position = 0, length, success, fail }) => later(() => {
    try {
      const size = length === undefined ? fs.statSync(filePath).size - position : length
      const buffer = Buffer.alloc(size)
      const fd = fs.openSync(filePath, 'r')
      const read = fs.readSync(fd, buffer, 0, size, position)
      fs.closeSync(fd)
      success({ errMsg: 'readFile:ok', data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + read) })
    } catch (err) {
      fail && fail({ errMsg: `readFile:fail ${err.message}` })
    }
  }))
  // the user data folder (wx.env.USER_DATA_PATH) is savedDir here
  jest.spyOn(fsm, 'saveFile').mockImplementation(({ tempFilePath, filePath, success }) => later(() => {
    const savedFilePath = path.join(savedDir, filePath ? path.basename(filePath) : `saved-${++saved}${path.extname(tempFilePath)}`)
    fs.copyFileSync(tempFilePath, savedFilePath)
    success({ errMsg: 'saveFile:ok', savedFilePath })
  }))
  jest.spyOn(fsm, 'getFileInfo').mockImplementation(({ filePath, success }) => later(() => {
    success({ errMsg: 'getFileInfo:ok', size: fs.statSync(filePath).size })
  }))
  jest.spyOn(fsm, 'unlink').mockImplementation(({ filePath, success }) => later(() => {
    fs.rmSync(filePath, { force: true })
    success && success({ errMsg: 'unlink:ok' })
  }))
  jest.spyOn(fsm, 'removeSavedFile').mockImplementation(({ filePath, success }) => later(() => {
    fs.rmSync(filePath, { force: true })
    success && success({ errMsg: 'removeSavedFile:ok' })
  }))
}

function shimStorage(wx) {
  const store = new Map() // survives a "relaunch": only the JS objects are rebuilt
  jest.spyOn(wx, 'getStorageSync').mockImplementation((key) => (store.has(key) ? JSON.parse(store.get(key)) : ''))
  jest.spyOn(wx, 'setStorageSync').mockImplementation((key, value) => { store.set(key, JSON.stringify(value)) })
  jest.spyOn(wx, 'removeStorageSync').mockImplementation((key) => { store.delete(key) })
  return store
}

// Plain HTTP for the HR side and for checks the candidate cannot make.
function httpJson(base, method, urlPath, { token, body, expect } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(base + urlPath)
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body))
    const headers = { Accept: 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) })
    const req = http.request({ method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const data = text && (res.headers['content-type'] || '').includes('json') ? JSON.parse(text) : text
        if (expect && res.statusCode !== expect) reject(new Error(`${method} ${urlPath}: ${res.statusCode} ${text.slice(0, 300)}`))
        else resolve(data)
      })
    })
    req.on('error', reject)
    req.end(payload || undefined)
  })
}

module.exports = { shimRequest, shimFiles, shimStorage, httpJson }
