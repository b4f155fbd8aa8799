// Every WXML and WXSS file of ours through WeChat's own compilers (wcc, wcsc, shipped in miniprogram-compiler):
// what DevTools would refuse to compile fails here.
const fs = require('fs')
const path = require('path')
const compiler = require('miniprogram-compiler')

const ROOT = path.resolve(__dirname, '../..')
const SKIP = new Set(['node_modules', 'miniprogram_npm', 'tests', 'scripts'])

function files(extension, dir = ROOT) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : files(extension, path.join(dir, entry.name))
    return entry.name.endsWith(extension) ? [path.relative(ROOT, path.join(dir, entry.name))] : []
  })
}

test('WXML compiles with wcc', () => {
  const wxml = files('.wxml')
  expect(wxml.length).toBeGreaterThan(12)
  expect(compiler.wxmlToJs(ROOT, { wxmlList: wxml, wxsList: [] })).toContain('$gwx')
})

test('WXSS compiles with wcsc', () => {
  const wxss = files('.wxss')
  expect(wxss).toContain('app.wxss')
  expect(compiler.wxssToJs(ROOT, { wxssList: wxss })).toContain('wxssMap')
})
