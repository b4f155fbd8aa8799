// Builds miniprogram_npm/ offline, as WeChat DevTools' 构建 npm would: each dependency that declares a
// `miniprogram` folder in its package.json is copied there as miniprogram_npm/<name>/.
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
const target = path.join(root, 'miniprogram_npm')
const { dependencies = {} } = require(path.join(root, 'package.json'))

fs.rmSync(target, { recursive: true, force: true })
for (const name of Object.keys(dependencies)) {
  const packageDir = path.join(root, 'node_modules', name)
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  if (!manifest.miniprogram) throw new Error(`${name} has no "miniprogram" folder: it cannot be used in the mini-program`)
  fs.cpSync(path.join(packageDir, manifest.miniprogram), path.join(target, name), { recursive: true })
  console.log(`build-npm: ${name}@${manifest.version} -> miniprogram_npm/${name}`)
}
