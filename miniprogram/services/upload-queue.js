// Recorded segments that are not on the server yet, kept in storage with saved (non-temporary) files, so an answer
// survives lost network and a killed mini-program; sent one at a time, resumed on app show and on the next launch.
//
// Uploading while recording: each finished segment is queued at once but *held* while it may still be the answer's
// last one (the last segment announces the segment count, and announcing it submits the answer). It is released,
// without a count, as soon as the next segment starts recording; the last one is released with the count when the
// candidate submits. A held segment survives a kill too: the interview page offers it again (submit or retake).
const { Sha256 } = require('../utils/sha256')
const { call } = require('../utils/promisify')

const QUEUE_KEY = 'qingpin.uploadQueue'
const HASH_SLICE = 1024 * 1024

class Discarded extends Error {}

function createUploadQueue({ wx, uploader, storageKey = QUEUE_KEY, onChange = () => {} }) {
  const fs = wx.getFileSystemManager()
  let draining = null
  let serial = Promise.resolve() // queue mutations that wait on files run one after another, in call order

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

  function inTurn(fn) {
    const run = serial.then(fn)
    serial = run.catch(() => {})
    return run
  }

  async function digest(filePath, size) {
    const hash = new Sha256()
    for (let position = 0; position < size; position += HASH_SLICE) {
      const { data } = await call(fs.readFile.bind(fs), { filePath, position, length: Math.min(HASH_SLICE, size - position) })
      hash.update(data)
    }
    return hash.hex()
  }

  // Temp files are moved out of the temp area (WeChat deletes temp files when the mini-program is killed) into the
  // user data folder: the file-system guide allows 200 MB of user and cache files together, while wx.saveFile's
  // cache alone is documented at 10 MB, less than one 120 s video. If the move fails (storage full), the temp file
  // is queued as it is: it still goes up in this run, it only does not survive a kill.
  async function store(tempFilePath, name) {
    const userDir = wx.env && wx.env.USER_DATA_PATH
    try {
      const options = userDir ? { tempFilePath, filePath: `${userDir.replace(/\/$/, '')}/${name}` } : { tempFilePath }
      const { savedFilePath } = await call(fs.saveFile.bind(fs), options)
      return { filePath: savedFilePath || options.filePath, storedAs: userDir ? 'user' : 'cache' }
    } catch (err) {
      return { filePath: tempFilePath, storedAs: 'temp' }
    }
  }

  function dropFile(item) {
    if (item.storedAs === 'temp') return
    if (item.storedAs === 'user') fs.unlink({ filePath: item.filePath, fail: () => {} })
    else fs.removeSavedFile({ filePath: item.filePath, fail: () => {} })
  }

  async function keep({ answerId, questionId = null, index, tempFilePath, extension = 'mp4', count = null, held = false,
    deadlineAt = null, practice = false }) {
    const { filePath, storedAs } = await store(tempFilePath, `qingpin-${answerId}-${index}.${extension}`)
    const { size } = await call(fs.getFileInfo.bind(fs), { filePath })
    const sha256 = await digest(filePath, size)
    return {
      id: `${answerId}:${index}`,
      answerId,
      questionId,
      index,
      count,
      held,
      deadlineAt,
      practice,
      filePath,
      storedAs,
      size,
      sha256,
      filename: `answer-${index + 1}.${extension}`,
      uploadUrl: null,
      offset: 0,
    }
  }

  /** One segment that has just finished recording: kept at once, held until release() (it may be the last one). */
  function addSegment(segment) {
    return inTurn(async () => {
      const item = await keep({ ...segment, held: true })
      save(load().filter((other) => other.id !== item.id).concat(item))
      return item
    })
  }

  /**
   * The answer's held segments may go up: without a count while it is still being recorded, or with `count` once
   * the candidate submits (the segment `count - 1` carries it). Starts sending.
   */
  function release(answerId, { count = null } = {}) {
    const released = inTurn(() => {
      save(load().map((item) => {
        if (item.answerId !== answerId) return item
        return { ...item, held: false, count: count !== null && item.index === count - 1 ? count : item.count }
      }))
    })
    released.then(() => drain()).catch(() => {}) // failures stay queued; drainAnswer() and the next show report them
    return released
  }

  /** Every segment of a finished answer at once, released with the count (no overlap with recording). */
  function enqueueAnswer({ answerId, segments, extension = 'mp4', questionId = null, practice = false }) {
    const count = segments.length
    return inTurn(async () => {
      const added = []
      for (const segment of segments) {
        added.push(await keep({ answerId, questionId, practice, extension, index: segment.index, tempFilePath: segment.tempFilePath, count }))
      }
      save(load().filter((item) => item.answerId !== answerId).concat(added))
      return added
    })
  }

  /** A retake: the attempt's queued segments are dropped with their files (one being sent is abandoned). */
  function discardAnswer(answerId) {
    return inTurn(() => {
      const items = load()
      save(items.filter((item) => item.answerId !== answerId))
      for (const item of items) if (item.answerId === answerId) dropFile(item)
    })
  }

  function remove(item) {
    save(load().filter((other) => other.id !== item.id))
    dropFile(item)
  }

  const stillQueued = (item) => load().some((other) => other.id === item.id)

  async function uploadOne(item) {
    const metadata = {
      answer_id: item.answerId,
      segment_index: String(item.index),
      sha256: item.sha256,
      filename: item.filename,
    }
    if (item.count !== null && item.count !== undefined) metadata.segment_count = String(item.count)
    try {
      const result = await uploader.upload({ filePath: item.filePath, size: item.size, metadata, uploadUrl: item.uploadUrl }, {
        onUrl: (uploadUrl) => {
          if (!stillQueued(item)) throw new Discarded()
          update(item.id, { uploadUrl, offset: 0 })
        },
        onProgress: (offset) => {
          if (!stillQueued(item)) throw new Discarded()
          update(item.id, { offset })
        },
      })
      remove(item)
      return { item, ...result }
    } catch (err) {
      if (err instanceof Discarded) return { item, discarded: true }
      // The server has this segment already (its reply was lost), or will never take it (submitted, or replaced by a
      // retake): nothing left to send.
      if (err.reason === 'segment_exists' || err.reason === 'answer_submitted' || err.reason === 'answer_superseded') {
        remove(item)
        return { item, alreadyThere: true }
      }
      if (err.code && err.code !== 401 && err.code >= 400 && err.code < 500) {
        update(item.id, { error: { code: err.code, reason: err.reason, message: err.message } })
      }
      throw err
    }
  }

  // Send every released segment in order, one at a time, including those released while sending; stops at the
  // first failure (the rest waits for the next drain).
  function drain() {
    if (!draining) {
      const run = (async () => {
        await null
        const done = []
        try {
          for (;;) {
            const item = waiting()[0]
            if (!item) return done // `draining` is cleared in this same turn: a release after it starts a new drain
            done.push(await uploadOne(item))
          }
        } finally {
          draining = null
        }
      })()
      draining = run
    }
    return draining
  }

  /**
   * Resolves when every released segment of this answer is on the server (after release with the count: the
   * answer is submitted); rejects with the failure that keeps one of them on the phone.
   */
  async function drainAnswer(answerId) {
    for (;;) {
      const mine = load().filter((item) => item.answerId === answerId && !item.held)
      const refused = mine.find((item) => item.error)
      if (refused) throw Object.assign(new Error(refused.error.message), refused.error)
      if (!mine.length) return
      await drain()
    }
  }

  function pending() {
    return load()
  }

  // What the next drain will send (refused segments stay listed in pending(); held ones wait for release()).
  function waiting() {
    return load().filter((item) => !item.error && !item.held)
  }

  /** Answers whose recording ended without submit or retake (the app was killed): {answerId, questionId, count, …}. */
  function heldAnswers() {
    const answers = new Map()
    for (const item of load()) {
      if (!item.held) continue
      const known = answers.get(item.answerId)
      if (!known || item.index + 1 > known.count) {
        answers.set(item.answerId, { answerId: item.answerId, questionId: item.questionId, count: item.index + 1,
          deadlineAt: item.deadlineAt, practice: !!item.practice })
      }
    }
    return [...answers.values()]
  }

  return { addSegment, release, enqueueAnswer, discardAnswer, drain, drainAnswer, pending, waiting, heldAnswers, digest }
}

module.exports = { createUploadQueue, QUEUE_KEY }
