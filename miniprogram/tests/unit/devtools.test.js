// What WeChat DevTools does when it opens this project, done without DevTools (it does not run on this machine):
// the project as DevTools sees it (our sources plus miniprogram_npm/ built by scripts/build-npm.js, as 构建 npm
// would) is laid out in a temp folder; every component a page uses must resolve there, every module its scripts
// import must resolve inside the package (a phone has no node_modules), and every WXML/WXS/WXSS file reached,
// TDesign's included, must compile with WeChat's own wcc/wcsc. The JSON files use only documented keys.
const { execFileSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')
const compiler = require('miniprogram-compiler')
const wcsc = require('miniprogram-compiler/src/wcsc')

const ROOT = path.resolve(__dirname, '../..')
const NOT_SHIPPED = new Set(['node_modules', 'miniprogram_npm', 'tests', 'scripts'])
let project // the temp folder: our sources + miniprogram_npm
let npm

// Keys from WeChat's 全局配置 (app.json) and 页面配置 (page .json) references.
const APP_KEYS = new Set(['entryPagePath', 'pages', 'window', 'tabBar', 'networkTimeout', 'debug', 'functionalPages', 'subpackages',
  'subPackages', 'workers', 'requiredBackgroundModes', 'requiredPrivateInfos', 'plugins', 'preloadRule', 'resizable', 'usingComponents',
  'permission', 'sitemapLocation', 'style', 'useExtendedLib', 'entranceDeclare', 'darkmode', 'themeLocation', 'lazyCodeLoading',
  'singlePage', 'supportedMaterials', 'serviceProviderTicket', 'embeddedAppIdList', 'halfPage', 'debugOptions', 'enablePassiveEvent',
  'resolveAlias', 'renderer', 'rendererOptions', 'componentFramework', 'miniApp', 'static', 'convertRpxToVw', 'appBar', '__usePrivacyCheck__'])
const WINDOW_KEYS = new Set(['navigationBarBackgroundColor', 'navigationBarTextStyle', 'navigationBarTitleText', 'navigationStyle',
  'homeButton', 'backgroundColor', 'backgroundColorContent', 'backgroundTextStyle', 'backgroundColorTop', 'backgroundColorBottom',
  'enablePullDownRefresh', 'onReachBottomDistance', 'pageOrientation', 'restartStrategy', 'initialRenderingCache', 'visualEffectInBackground',
  'handleWebviewPreload'])
const PAGE_KEYS = new Set([...WINDOW_KEYS, 'disableScroll', 'usingComponents', 'style', 'singlePage', 'enablePassiveEvent', 'renderer',
  'rendererOptions', 'componentFramework', 'componentPlaceholder'])
const COMPONENT_KEYS = new Set(['component', 'usingComponents', 'styleIsolation', 'componentGenerics', 'componentPlaceholder',
  'pureDataPattern', 'renderer', 'componentFramework'])

const read = (file) => fs.readFileSync(file, 'utf8')
const json = (file) => JSON.parse(read(file))
const rel = (file) => path.relative(project, file)
const exists = (file) => fs.existsSync(file) && fs.statSync(file).isFile()

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'qingpin-devtools-'))
  fs.cpSync(ROOT, project, { recursive: true, filter: (src) => !NOT_SHIPPED.has(path.basename(src)) || path.dirname(src) !== ROOT })
  npm = path.join(project, 'miniprogram_npm')
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-npm.js'), npm], { stdio: 'pipe' })
})
afterAll(() => fs.rmSync(project, { recursive: true, force: true }))

// A component path as the mini-program resolves it: absolute from the package root, relative to the file, or a
// bare npm name looked up in miniprogram_npm.
function resolveComponent(fromJson, target) {
  if (target.startsWith('/')) return path.join(project, target)
  if (target.startsWith('.')) return path.resolve(path.dirname(fromJson), target)
  return path.join(npm, target)
}

function resolveModule(fromFile, spec) {
  let base
  if (spec.startsWith('.') || spec.startsWith('/')) base = spec.startsWith('/') ? path.join(project, spec) : path.resolve(path.dirname(fromFile), spec)
  else base = path.join(npm, spec)
  return [base, `${base}.js`, path.join(base, 'index.js')].find(exists) || null
}

// `}from"tslib"` in minified ES modules, `import"x"`, `require('x')`; not `["from","to"]` in a literal
const IMPORTS = /(?:(?:^|[}\s;*])from\s*|\bimport\s*|\brequire\(\s*)["']([^"']+)["']/g

// Every page and component reached from app.json, and every script module they load.
function walk() {
  const app = json(path.join(project, 'app.json'))
  const problems = []
  const components = new Map() // base path → the json that uses it
  const scripts = new Set()
  const queue = []
  const use = (fromJson, usingComponents = {}) => {
    for (const [tag, target] of Object.entries(usingComponents)) {
      const base = resolveComponent(fromJson, target)
      if (!components.has(base)) {
        components.set(base, `${rel(fromJson)} <${tag}>`)
        queue.push(base)
      }
    }
  }
  use(path.join(project, 'app.json'), app.usingComponents)
  for (const page of app.pages) {
    const base = path.join(project, page)
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) if (!exists(base + ext)) problems.push(`page ${page}${ext} is missing`)
    const config = json(`${base}.json`)
    for (const key of Object.keys(config)) if (!PAGE_KEYS.has(key)) problems.push(`${page}.json: "${key}" is not a page setting`)
    use(`${base}.json`, config.usingComponents)
    scripts.add(`${base}.js`)
  }
  while (queue.length) {
    const base = queue.shift()
    const missing = ['.js', '.json', '.wxml'].filter((ext) => !exists(base + ext))
    if (missing.length) {
      problems.push(`component ${rel(base)} (used by ${components.get(base)}) lacks ${missing.join(', ')}`)
      continue
    }
    const config = json(`${base}.json`)
    if (config.component !== true) problems.push(`${rel(base)}.json: not declared a component`)
    for (const key of Object.keys(config)) if (!COMPONENT_KEYS.has(key)) problems.push(`${rel(base)}.json: "${key}" is not a component setting`)
    use(`${base}.json`, config.usingComponents)
    scripts.add(`${base}.js`)
  }
  scripts.add(path.join(project, 'app.js'))
  const loaded = new Set()
  const pending = [...scripts]
  while (pending.length) {
    const file = pending.shift()
    if (loaded.has(file)) continue
    loaded.add(file)
    for (const [, spec] of read(file).matchAll(IMPORTS)) {
      const target = resolveModule(file, spec)
      if (!target) problems.push(`${rel(file)}: "${spec}" does not resolve inside the package`)
      else pending.push(target)
    }
  }
  return { app, problems, components: [...components.keys()], loaded }
}

// The WXML, WXS and WXSS files a page or component pulls in, transitively.
function closure(starts, pattern, ext) {
  const seen = new Set()
  const found = { files: new Set(), wxs: new Set(), missing: [] }
  const pending = starts.filter(exists)
  while (pending.length) {
    const file = pending.shift()
    if (seen.has(file)) continue
    seen.add(file)
    found.files.add(file)
    for (const [, kind, src] of read(file).matchAll(pattern)) {
      const target = src.startsWith('/') ? path.join(project, src) : path.resolve(path.dirname(file), src)
      const full = path.extname(target) ? target : target + (kind === 'wxs' ? '.wxs' : ext)
      if (!exists(full)) found.missing.push(`${rel(file)}: ${src}`)
      else if (kind === 'wxs') found.wxs.add(full)
      else pending.push(full)
    }
  }
  return found
}

test('app.json, the pages and their components: documented keys, every component and script module resolves in the package', () => {
  const { app, problems, components, loaded } = walk()
  for (const key of Object.keys(app)) if (!APP_KEYS.has(key)) problems.push(`app.json: "${key}" is not an app setting`)
  for (const key of Object.keys(app.window)) if (!WINDOW_KEYS.has(key)) problems.push(`app.json window: "${key}"`)
  expect(problems).toEqual([])
  expect(components.filter((c) => c.startsWith(npm)).length).toBeGreaterThan(15) // TDesign's, with what they use inside
  // TDesign's compiled components import tslib's helpers: the package must carry it (tdesign-miniprogram does not).
  expect([...loaded].map(rel)).toContain(path.join('miniprogram_npm', 'tslib', 'index.js'))
})

test('every WXML/WXS file reached, TDesign\'s included, compiles with wcc; every WXSS file with wcsc', () => {
  const { app, components } = walk()
  const bases = [...app.pages.map((p) => path.join(project, p)), ...components]
  const markup = closure(bases.map((b) => `${b}.wxml`), /<(import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g, '.wxml')
  const styles = closure([path.join(project, 'app.wxss'), ...bases.map((b) => `${b}.wxss`)], /@(import)\s+["']([^"']+)["']/g, '.wxss')
  expect([...markup.missing, ...styles.missing]).toEqual([])
  expect(markup.wxs.size).toBeGreaterThan(0)
  const js = compiler.wxmlToJs(project, { wxmlList: [...markup.files].map(rel), wxsList: [...markup.wxs].map(rel) })
  expect(js).toContain('$gwx')
  const css = wcsc(project, [...styles.files].map((f) => rel(f).replace(/\.wxss$/, '')), { maxBuffer: 64 * 1024 * 1024 })
  expect(css instanceof Error ? css.message : '').toBe('')
  expect(Object.keys(css).filter((k) => k.endsWith('.wxss')).length).toBe(styles.files.size)
})

test('project.config.json: its npm build lands where scripts/build-npm.js writes; sitemap rules are valid', () => {
  const config = json(path.join(ROOT, 'project.config.json'))
  const [relation] = config.setting.packNpmRelationList
  expect(config.setting.packNpmManually).toBe(true)
  expect(exists(path.resolve(ROOT, relation.packageJsonPath))).toBe(true)
  expect(path.resolve(ROOT, relation.miniprogramNpmDistDir)).toBe(path.resolve(ROOT, config.miniprogramRoot)) // → ./miniprogram_npm
  const sitemap = json(path.join(ROOT, json(path.join(ROOT, 'app.json')).sitemapLocation))
  expect(sitemap.rules.length).toBeGreaterThan(0)
  for (const rule of sitemap.rules) {
    expect(['allow', 'disallow']).toContain(rule.action)
    expect(typeof rule.page).toBe('string')
  }
  const { dependencies } = json(path.join(ROOT, 'package.json'))
  expect(Object.keys(dependencies).sort()).toEqual(['tdesign-miniprogram', 'tslib'])
})

test('the code package stays under WeChat\'s 2 MB main-package limit (our files plus the TDesign files reached)', () => {
  const { app, components, loaded } = walk()
  const bases = [...app.pages.map((p) => path.join(project, p)), ...components]
  const markup = closure(bases.map((b) => `${b}.wxml`), /<(import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g, '.wxml')
  const styles = closure([path.join(project, 'app.wxss'), ...bases.map((b) => `${b}.wxss`)], /@(import)\s+["']([^"']+)["']/g, '.wxss')
  const ours = []
  const list = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) { if (full !== npm) list(full) } else ours.push(full)
  })
  list(project)
  const shipped = new Set([...ours.filter((f) => !/\.(md)$/.test(f) && !/(package(-lock)?|jest\.config)\.js(on)?$/.test(f)),
    ...bases.flatMap((b) => ['.js', '.json', '.wxml', '.wxss'].map((ext) => b + ext)).filter(exists),
    ...loaded, ...markup.files, ...markup.wxs, ...styles.files])
  const bytes = [...shipped].reduce((total, file) => total + fs.statSync(file).size, 0)
  console.log(`code package estimate: ${shipped.size} files, ${(bytes / 1024).toFixed(0)} KiB`)
  expect(bytes).toBeLessThan(2 * 1024 * 1024)
})
