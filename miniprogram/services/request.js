// The one API client: our own bearer token in storage, silent WeChat re-login on 401, errors as ApiError.
const { fromResponse, networkError, sessionExpired } = require('./errors')
const { call } = require('../utils/promisify')

const TOKEN_STORAGE_KEY = 'qingpin.session'
const LOGIN_PATH = '/api/candidate/wechat/login'

function createClient({ wx, baseUrl, timeout = 20000 }) {
  let relogin = null

  function session() {
    const stored = wx.getStorageSync(TOKEN_STORAGE_KEY)
    return stored && stored.token ? stored : null
  }

  function saveSession(value) {
    wx.setStorageSync(TOKEN_STORAGE_KEY, { token: value.token, applicationId: value.application_id })
  }

  function clearSession() {
    wx.removeStorageSync(TOKEN_STORAGE_KEY)
  }

  // Resolves with the raw wx.request result for any HTTP status; rejects only when no response arrived.
  function raw({ url, method = 'GET', data, header = {}, auth = true, responseType, timeout: limit = timeout }) {
    const headers = { ...header }
    const current = auth ? session() : null
    if (current) headers.Authorization = `Bearer ${current.token}`
    return new Promise((resolve, reject) => {
      wx.request({
        url: /^https?:\/\//.test(url) ? url : baseUrl + url,
        method,
        data,
        header: headers,
        timeout: limit,
        responseType,
        success: resolve,
        fail: (err) => reject(networkError(err && err.errMsg)),
      })
    })
  }

  async function login({ invitationToken } = {}) {
    const { code } = await call(wx.login).catch((err) => { throw networkError(err && err.errMsg) })
    const body = { code }
    if (invitationToken) body.invitation_token = invitationToken
    const res = await raw({ url: LOGIN_PATH, method: 'POST', data: body, auth: false })
    if (res.statusCode !== 201) throw fromResponse(res.statusCode, res.data)
    saveSession(res.data)
    return res.data
  }

  // Concurrent 401s share one wx.login: every wx.login rotates the session, so two in a row would race.
  function reloginOnce() {
    if (!relogin) {
      relogin = login()
        .catch((err) => {
          clearSession()
          throw err.reason === 'no_linked_application' || err.code === 404 ? sessionExpired(err.detail) : err
        })
        .finally(() => { relogin = null })
    }
    return relogin
  }

  // raw() with one silent re-login and retry when our token was refused.
  async function send(options) {
    const res = await raw(options)
    if (res.statusCode !== 401 || options.auth === false) return res
    await reloginOnce()
    return raw(options)
  }

  async function request(method, url, { data, header, auth = true, expect } = {}) {
    const res = await send({ url, method, data, header, auth })
    const ok = expect ? [].concat(expect).includes(res.statusCode) : res.statusCode >= 200 && res.statusCode < 300
    if (!ok) throw fromResponse(res.statusCode, res.data)
    return res.data
  }

  // Multipart upload (device check, documents) through wx.uploadFile, with the same token and re-login.
  async function upload(url, { filePath, name = 'file', formData = {} }) {
    const once = () => new Promise((resolve, reject) => {
      const current = session()
      wx.uploadFile({
        url: baseUrl + url,
        filePath,
        name,
        formData,
        header: current ? { Authorization: `Bearer ${current.token}` } : {},
        success: resolve,
        fail: (err) => reject(networkError(err && err.errMsg)),
      })
    })
    let res = await once()
    if (res.statusCode === 401) {
      await reloginOnce()
      res = await once()
    }
    const data = parseJson(res.data) // wx.uploadFile hands back the body as text
    if (res.statusCode < 200 || res.statusCode >= 300) throw fromResponse(res.statusCode, data)
    return data
  }

  return {
    baseUrl,
    upload,
    session,
    clearSession,
    login,
    raw,
    send,
    request,
    get: (url, options) => request('GET', url, options),
    post: (url, data, options = {}) => request('POST', url, { ...options, data }),
    put: (url, data, options = {}) => request('PUT', url, { ...options, data }),
    del: (url, options) => request('DELETE', url, options),
  }
}

function parseJson(body) {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch (err) {
    return {}
  }
}

function idempotencyKey() {
  const hex = '0123456789abcdef'
  let out = ''
  for (let i = 0; i < 32; i++) out += hex[Math.floor(Math.random() * 16)]
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-a${out.slice(17, 20)}-${out.slice(20)}`
}

module.exports = { createClient, idempotencyKey, TOKEN_STORAGE_KEY }
