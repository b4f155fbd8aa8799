// Spies over miniprogram-simulate's wx stubs (global.wx is never replaced): a storage that keeps values and a
// file system backed by Node buffers.
require('miniprogram-simulate')

const wx = global.wx

function useMemoryStorage() {
  const store = new Map()
  jest.spyOn(wx, 'getStorageSync').mockImplementation((key) => (store.has(key) ? JSON.parse(store.get(key)) : ''))
  jest.spyOn(wx, 'setStorageSync').mockImplementation((key, value) => { store.set(key, JSON.stringify(value)) })
  jest.spyOn(wx, 'removeStorageSync').mockImplementation((key) => { store.delete(key) })
  return store
}

function asArrayBuffer(buffer) {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length)
}

function useMemoryFiles(files = new Map()) {
  const fs = wx.getFileSystemManager()
  let saved = 0
  const later = (fn) => Promise.resolve().then(fn)
  jest.spyOn(fs, 'readFile').mockImplementation(({ filePath, position = 0, length, success, fail }) => later(() => {
    const buffer = files.get(filePath)
    if (!buffer) return fail && fail({ errMsg: `readFile:fail no such file ${filePath}` })
    const end = length === undefined ? buffer.length : position + length
    success({ errMsg: 'readFile:ok', data: asArrayBuffer(buffer.subarray(position, end)) })
  }))
  jest.spyOn(fs, 'saveFile').mockImplementation(({ tempFilePath, filePath, success, fail }) => later(() => {
    if (!files.has(tempFilePath)) return fail && fail({ errMsg: `saveFile:fail tempFilePath file not exist` })
    const savedFilePath = filePath || `wxfile://usr/saved-${++saved}`
    files.set(savedFilePath, files.get(tempFilePath))
    files.delete(tempFilePath)
    success({ errMsg: 'saveFile:ok', savedFilePath })
  }))
  jest.spyOn(fs, 'getFileInfo').mockImplementation(({ filePath, success }) => later(() => {
    success({ errMsg: 'getFileInfo:ok', size: files.get(filePath).length })
  }))
  jest.spyOn(fs, 'unlink').mockImplementation(({ filePath, success }) => {
    files.delete(filePath)
    if (success) later(() => success({ errMsg: 'unlink:ok' }))
  })
  jest.spyOn(fs, 'removeSavedFile').mockImplementation(({ filePath, success }) => {
    files.delete(filePath)
    if (success) later(() => success({ errMsg: 'removeSavedFile:ok' }))
  })
  return files
}

// A promise's outcome ({value} or {error}) once every fake timer it waits on has run.
async function settle(promise) {
  const outcome = promise.then((value) => ({ value }), (error) => ({ error }))
  await jest.runAllTimersAsync()
  return outcome
}

module.exports = { wx, useMemoryStorage, useMemoryFiles, asArrayBuffer, settle }
