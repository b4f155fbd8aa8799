// Loads a page's definition as WeChat would (Page({...})) with getApp().services given by the test, and returns an
// instance whose setData merges into data. wx is miniprogram-simulate's, spied on by the tests.
const path = require('path')
require('miniprogram-simulate')

function loadPage(page, services) {
  let definition = null
  global.Page = (options) => { definition = options }
  global.getApp = () => ({ services })
  jest.isolateModules(() => { require(path.resolve(__dirname, '../..', page)) })
  const instance = { ...definition, data: JSON.parse(JSON.stringify(definition.data || {})) }
  instance.setData = (patch) => Object.assign(instance.data, patch)
  return instance
}

module.exports = { loadPage, wx: global.wx }
