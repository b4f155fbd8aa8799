// An in-memory tus server behind a spied wx.request, for unit tests: it can cut a PATCH mid-body.
const crypto = require('crypto')
const { wx, useMemoryStorage, useMemoryFiles } = require('./wx-helpers')
const { TOKEN_STORAGE_KEY } = require('../../services/request')

function headerOf(headers, name) {
  const key = Object.keys(headers || {}).find((k) => k.toLowerCase() === name.toLowerCase())
  return key && headers[key]
}

function parseMetadata(value) {
  const out = {}
  for (const pair of (value || '').split(',').filter(Boolean)) {
    const [key, encoded] = pair.split(' ')
    out[key] = Buffer.from(encoded || '', 'base64').toString('utf8')
  }
  return out
}

class FakeTusServer {
  constructor({ origin = 'https://api.test' } = {}) {
    this.origin = origin
    this.uploads = new Map()
    this.completed = []
    this.log = []
    this.cuts = [] // byte counts: each next PATCH stores that many bytes, then the connection drops
    this.refuseCreate = null // {statusCode, data} for the next create
    this.locationOrigin = 'http://internal:5000' // what a proxy-unaware server writes in Location
    this.latencyMs = 0 // > 0: each reply comes after this many (fake) milliseconds
  }

  handle(options) {
    const method = (headerOf(options.header, 'X-HTTP-Method-Override') || options.method || 'GET').toUpperCase()
    const path = options.url.replace(/^https?:\/\/[^/]+/, '')
    this.log.push({ method, path, offset: headerOf(options.header, 'Upload-Offset'), auth: headerOf(options.header, 'Authorization') })
    if (headerOf(options.header, 'Tus-Resumable') !== '1.0.0') return { statusCode: 412, header: {}, data: {} }
    if (method === 'POST' && path === '/api/uploads/') return this.create(options)
    const id = path.split('/').pop()
    const upload = this.uploads.get(id)
    if (!upload) return { statusCode: 404, header: {}, data: { code: 'not_found', status: 404, message: 'no such upload' } }
    if (method === 'HEAD') return { statusCode: 200, header: { 'upload-offset': String(upload.data.length) }, data: '' }
    if (method === 'PATCH') return this.patch(upload, options)
    return { statusCode: 405, header: {}, data: {} }
  }

  create(options) {
    if (this.refuseCreate) {
      const refusal = this.refuseCreate
      this.refuseCreate = null
      return refusal
    }
    const id = crypto.randomBytes(8).toString('hex')
    const metadata = parseMetadata(headerOf(options.header, 'Upload-Metadata'))
    this.uploads.set(id, { id, length: Number(headerOf(options.header, 'Upload-Length')), metadata, data: Buffer.alloc(0) })
    return { statusCode: 201, header: { Location: `${this.locationOrigin}/api/uploads/${id}` }, data: '' }
  }

  patch(upload, options) {
    if (headerOf(options.header, 'Content-Type') !== 'application/offset+octet-stream') return { statusCode: 415, header: {}, data: {} }
    if (!(options.data instanceof ArrayBuffer)) throw new Error('PATCH bodies must be ArrayBuffers')
    const offset = Number(headerOf(options.header, 'Upload-Offset'))
    if (offset !== upload.data.length) {
      return { statusCode: 409, header: {}, data: { code: 'offset_mismatch', status: 409, message: 'offset' } }
    }
    let body = Buffer.from(options.data)
    const cut = this.cuts.shift()
    if (cut !== undefined) {
      upload.data = Buffer.concat([upload.data, body.subarray(0, cut)])
      return null // no response: the connection dropped mid-chunk
    }
    upload.data = Buffer.concat([upload.data, body])
    if (upload.data.length === upload.length) {
      const sha256 = crypto.createHash('sha256').update(upload.data).digest('hex')
      if (sha256 !== upload.metadata.sha256) throw new Error('sha256 announced in Upload-Metadata does not match')
      this.completed.push(upload)
    }
    return { statusCode: 204, header: { 'Upload-Offset': String(upload.data.length) }, data: '' }
  }

  // The wx.request implementation to install with jest.spyOn(wx, 'request').mockImplementation(server.request)
  get request() {
    return (options) => {
      const later = this.latencyMs ? (fn) => setTimeout(fn, this.latencyMs) : (fn) => Promise.resolve().then(fn)
      later(() => {
        const res = this.handle(options)
        if (res === null) options.fail && options.fail({ errMsg: 'request:fail socket closed' })
        else options.success && options.success({ errMsg: 'request:ok', cookies: [], ...res })
      })
      return { abort() {} }
    }
  }
}

// Per test: fake timers, memory storage and files, a signed-in candidate, and this server behind wx.request.
function useFakeTusServer() {
  const context = {}
  beforeEach(() => {
    jest.useFakeTimers()
    useMemoryStorage()
    context.files = useMemoryFiles()
    context.server = new FakeTusServer()
    jest.spyOn(wx, 'request').mockImplementation(context.server.request)
    wx.setStorageSync(TOKEN_STORAGE_KEY, { token: 'tok', applicationId: 'app' })
  })
  afterEach(() => {
    jest.useRealTimers()
    jest.restoreAllMocks()
  })
  return context
}

module.exports = { FakeTusServer, useFakeTusServer }
