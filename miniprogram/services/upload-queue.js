// Recorded segments that are not on the server yet, kept in storage with saved (non-temporary) files, so an answer
// survives lost network and a killed mini-program; drained in order, resumed on the next launch.
const { Sha256 } = require('../utils/sha256')
const { call } = require('../utils/promisify')

const QUEUE_KEY = 'qingpin.uploadQueue'
const HASH_SLICE = 1024 * 1024

function createUploadQueue({ wx, uploader, storageKey = QUEUE_KEY, onChange = () => {} }) {
  const fs = wx.getFileSystemManager()
  let draining = null

  function load() {
    const stored = wx.getStorageSync(storageKey)
    return Array.isArray(stored) ? stored : []
  }

  function save(items) {
    wx.setStorageSync(storageKey, items)
    onChange(items)
  }

  function update(id, changes) {
    save(load().map((item) => (item.id === id ? { ...item, ...changes } : item)))
  }

  async function digest(filePath, size) {
    const hash = new Sha256()
    for (let position = 0; position < size; position += HASH_SLICE) {
      const { data } = await call(fs.readFile.bind(fs), { filePath, position, length: Math.min(HASH_SLICE, size - position) })
      hash.update(data)
    }
    return hash.hex()
  }

  /**
   * Remember every segment of one finished answer: temp files are moved to saved files (WeChat deletes temp files
   * when the mini-program is killed), hashed, and queued with the answer's segment count.
   */
  async function enqueueAnswer({ answerId, segments, extension = 'mp4' }) {
    const count = segments.length
    const added = []
    for (const segment of segments) {
      const { savedFilePath } = await call(fs.saveFile.bind(fs), { tempFilePath: segment.tempFilePath })
      const { size } = await call(fs.getFileInfo.bind(fs), { filePath: savedFilePath })
      const sha256 = await digest(savedFilePath, size)
      added.push({
        id: `${answerId}:${segment.index}`,
        answerId,
        index: segment.index,
        count,
        filePath: savedFilePath,
        size,
        sha256,
        filename: `answer-${segment.index + 1}.${extension}`,
        uploadUrl: null,
        offset: 0,
      })
    }
    save(load().filter((item) => item.answerId !== answerId).concat(added))
    return added
  }

  function remove(item) {
    save(load().filter((other) => other.id !== item.id))
    fs.removeSavedFile({ filePath: item.filePath, fail: () => {} })
  }

  async function uploadOne(item) {
    const metadata = {
      answer_id: item.answerId,
      segment_index: String(item.index),
      segment_count: String(item.count),
      sha256: item.sha256,
      filename: item.filename,
    }
    try {
      const result = await uploader.upload({ filePath: item.filePath, size: item.size, metadata, uploadUrl: item.uploadUrl }, {
        onUrl: (uploadUrl) => update(item.id, { uploadUrl, offset: 0 }),
        onProgress: (offset) => update(item.id, { offset }),
      })
      remove(item)
      return { item, ...result }
    } catch (err) {
      // The server has this segment already (its reply was lost), or will never take it: nothing left to send.
      if (err.reason === 'segment_exists' || err.reason === 'answer_submitted') {
        remove(item)
        return { item, alreadyThere: true }
      }
      if (err.code && err.code !== 401 && err.code >= 400 && err.code < 500) {
        update(item.id, { error: { code: err.code, reason: err.reason, message: err.message } })
      }
      throw err
    }
  }

  // Upload every queued segment in order; stops at the first failure (the rest waits for the next drain).
  function drain() {
    if (!draining) {
      draining = (async () => {
        const done = []
        for (const item of load()) {
          if (item.error) continue
          done.push(await uploadOne(item))
        }
        return done
      })().finally(() => { draining = null })
    }
    return draining
  }

  function pending() {
    return load()
  }

  // What the next drain will send (segments the server refused for good stay listed in pending() only).
  function waiting() {
    return load().filter((item) => !item.error)
  }

  return { enqueueAnswer, drain, pending, waiting, digest }
}

module.exports = { createUploadQueue, QUEUE_KEY }
