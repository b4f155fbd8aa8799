// Builds miniprogram_npm/ offline, as WeChat DevTools' 构建 npm would, for each dependency in package.json:
// - a package that declares a `miniprogram` folder (TDesign: miniprogram_dist) is copied as miniprogram_npm/<name>/;
// - a plain npm package becomes miniprogram_npm/<name>/index.js, its `main` file (DevTools bundles the entry with what
//   it requires; we only take entries that require nothing, and refuse others rather than ship a broken one).
// tslib is such a plain package: TDesign's compiled components import its helpers (`import {__decorate} from
// "tslib"`) without declaring it as a dependency, so the mini-program must bring it.
// Usage: node scripts/build-npm.js [target directory, default miniprogram_npm]
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
const target = path.resolve(process.argv[2] || path.join(root, 'miniprogram_npm'))
const { dependencies = {} } = require(path.join(root, 'package.json'))

fs.rmSync(target, { recursive: true, force: true })
for (const name of Object.keys(dependencies)) {
  const packageDir = path.join(root, 'node_modules', name)
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  if (manifest.miniprogram) {
    fs.cpSync(path.join(packageDir, manifest.miniprogram), path.join(target, name), { recursive: true })
  } else {
    const entry = path.join(packageDir, manifest.main || 'index.js')
    const code = fs.readFileSync(entry, 'utf8')
    if (/\brequire\s*\(|^\s*import\s|^\s*export\s/m.test(code)) {
      throw new Error(`${name}: its entry ${manifest.main} is not self-contained CommonJS; bundle it before using it in the mini-program`)
    }
    fs.mkdirSync(path.join(target, name), { recursive: true })
    fs.writeFileSync(path.join(target, name, 'index.js'), code)
  }
  console.log(`build-npm: ${name}@${manifest.version} -> ${path.relative(root, path.join(target, name)) || target}`)
}
