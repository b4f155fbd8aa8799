// tus 1.0.0 client for wx.request: POST creates, POST + X-HTTP-Method-Override: PATCH sends ArrayBuffer chunks read
// with FileSystemManager.readFile({position, length}), HEAD finds the durable offset after any failure.
const { base64Utf8 } = require('../utils/base64')
const { header } = require('../utils/promisify')
const { ApiError, fromResponse } = require('./errors')

const TUS = { 'Tus-Resumable': '1.0.0' }
const UPLOADS_PATH = '/api/uploads/'
const CHUNK_SIZE = 5 * 1024 * 1024
const RETRY_DELAYS = [1000, 3000, 5000, 10000, 20000]
// A 5 MiB chunk needs time on a weak uplink: WeChat's longest wx.request timeout (60 s, ~0.7 Mbit/s) instead of the
// client's 20 s for ordinary calls (which would need 2.1 Mbit/s).
const PATCH_TIMEOUT_MS = 60000

function encodeMetadata(metadata) {
  return Object.keys(metadata).map((key) => `${key} ${base64Utf8(metadata[key])}`).join(',')
}

function readChunk(fs, filePath, position, length) {
  return new Promise((resolve, reject) => {
    fs.readFile({ filePath, position, length, success: (res) => resolve(res.data), fail: reject })
  })
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

const RETRY_CODES = ['offset_mismatch', 'incomplete_chunk']

// Transient: no response, or the server says "ask again" (offset moved, body cut short, locked, busy).
// Anything else (time over, segment already there, quota) is the server's final word.
function isTransient(res) {
  if (!res) return true
  const code = res.data && typeof res.data === 'object' ? res.data.code : undefined
  return res.statusCode === 423 || res.statusCode === 429 || res.statusCode >= 500 || RETRY_CODES.includes(code)
}

function createTusUploader({ wx, client, chunkSize = CHUNK_SIZE, retryDelays = RETRY_DELAYS, wait = sleep }) {
  const fs = wx.getFileSystemManager()

  // The server's Location may name the host as the proxy saw it; we keep the configured https origin.
  function onOurOrigin(location) {
    const path = location.replace(/^https?:\/\/[^/]+/, '')
    return client.baseUrl + path
  }

  async function attempt(options) {
    try {
      return await client.send(options)
    } catch (err) {
      if (err instanceof ApiError && err.code === 0) return null // no response: retry after a HEAD
      throw err
    }
  }

  async function create({ size, metadata }) {
    const res = await attempt({
      url: UPLOADS_PATH,
      method: 'POST',
      header: { ...TUS, 'Upload-Length': String(size), 'Upload-Metadata': encodeMetadata(metadata) },
    })
    if (!res || (res.statusCode !== 201 && isTransient(res))) return null
    if (res.statusCode !== 201) throw fromResponse(res.statusCode, res.data)
    return onOurOrigin(header(res.header, 'Location'))
  }

  // {offset} on success, {gone: true} when the upload no longer exists, null without an answer.
  async function head(url) {
    const res = await attempt({ url, method: 'HEAD', header: { ...TUS } })
    if (!res) return null
    if (res.statusCode === 404 || res.statusCode === 410) return { gone: true }
    if (res.statusCode !== 200) {
      if (isTransient(res)) return null
      throw fromResponse(res.statusCode, res.data)
    }
    return { offset: Number(header(res.header, 'Upload-Offset')) }
  }

  async function patch(url, offset, data) {
    return attempt({
      url,
      method: 'POST',
      data,
      timeout: PATCH_TIMEOUT_MS,
      header: {
        ...TUS,
        'X-HTTP-Method-Override': 'PATCH',
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(offset),
      },
    })
  }

  /**
   * Upload one file. `job` = {filePath, size, metadata, uploadUrl?}; metadata carries sha256 (the server verifies
   * it on completion). onUrl(url) lets the caller persist the upload's address before the first byte;
   * onProgress(offset, size) after each chunk. Resolves {url, offset, resumes, retries}.
   */
  async function upload(job, { onUrl = () => {}, onProgress = () => {} } = {}) {
    const { filePath, size, metadata } = job
    let url = job.uploadUrl || null
    let offset = null
    let failures = 0
    const stats = { resumes: 0, retries: 0 }

    async function backoff() {
      if (failures >= retryDelays.length) {
        throw new ApiError({ code: 0, status: 'network', reason: 'network_error',
          message: '网络连接失败，请检查网络后重试。已录制的内容保存在手机上，不会丢失。', detail: 'upload retries exhausted' })
      }
      stats.retries += 1
      await wait(retryDelays[failures++])
    }

    for (;;) {
      if (!url) {
        url = await create({ size, metadata })
        if (!url) { await backoff(); continue }
        offset = 0
        onUrl(url)
      }
      if (offset === null) {
        const found = await head(url)
        if (!found) { await backoff(); continue }
        if (found.gone) { url = null; continue } // expired or failed verification: start a new upload
        offset = found.offset
        stats.resumes += 1
        onProgress(offset, size)
      }
      if (offset >= size) {
        return { url, offset: size, ...stats }
      }
      const data = await readChunk(fs, filePath, offset, Math.min(chunkSize, size - offset))
      const res = await patch(url, offset, data)
      if (res && res.statusCode === 204) {
        offset = Number(header(res.header, 'Upload-Offset'))
        failures = 0
        onProgress(offset, size)
        continue
      }
      if (res && (res.statusCode === 404 || res.statusCode === 410)) { url = null; continue }
      if (res && res.statusCode === 460) { offset = null; continue } // chunk discarded by the server: send it again
      if (res && !isTransient(res)) throw fromResponse(res.statusCode, res.data)
      offset = null // the connection dropped or the server asked us to retry: ask where it stands
      await backoff()
    }
  }

  return { upload, create, head }
}

module.exports = { createTusUploader, encodeMetadata, CHUNK_SIZE, UPLOADS_PATH, PATCH_TIMEOUT_MS }
