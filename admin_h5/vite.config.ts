import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Vant's icon font, in vant/es/icon/index.css: an inline base64 woff2 (34 KB that every first screen downloads before
// it can draw, though icons are few) with a CDN copy as fallback (deployments may have no internet and the CSP allows
// only this origin). Before Vite reads that CSS, the font goes to a file of its own and the CDN copy goes away: Vite
// then hashes the font and the stylesheet as usual, text draws at once and only icons wait for the font.
const vantIconFont: Plugin = {
  name: 'qingpin-vant-icon-font',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]vant[\\/](?:es|lib)[\\/]icon[\\/]index\.css$/.test(id.split('?')[0])) return null
    const inline = /url\(["']?data:font\/woff2;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)["']?\)/
    const font = inline.exec(code)
    if (!font) return null
    const dir = here('./node_modules/.cache/qingpin')
    mkdirSync(dir, { recursive: true })
    const file = resolve(dir, 'vant-icons.woff2')
    writeFileSync(file, Buffer.from(font[1], 'base64'))
    const cssDir = dirname(id.split('?')[0])
    const css = code
      .replace(inline, `url(${JSON.stringify(relative(cssDir, file).split(sep).join('/'))})`)
      .replace(/,\s*url\(["']?(?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\(["']?woff["']?\)/g, '')
    return { code: css, map: null }
  },
}

// The candidate portal's invitation link starts exchanging its token before the portal's bundle has arrived: a tiny
// classic script (src/candidate/early-exchange.js), content-hashed into assets/ and loaded async by c/index.html.
const earlyExchangeSource = readFileSync(here('./src/candidate/early-exchange.js'), 'utf8')
const earlyExchangeFile = `assets/invite-${createHash('sha256').update(earlyExchangeSource).digest('hex').slice(0, 10)}.js`
const earlyExchange: Plugin = {
  name: 'qingpin-early-exchange',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      if (!/[\\/]c[\\/]index\.html$/.test(ctx.filename)) return []
      return [{ tag: 'script', attrs: { async: true, src: `/h5/${earlyExchangeFile}` }, injectTo: 'head-prepend' }]
    },
  },
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: earlyExchangeFile, source: earlyExchangeSource })
  },
}

// Flask serves these .gz copies to browsers that accept gzip (a phone on 1.6 Mbps gets a third of the bytes).
const precompress: Plugin = {
  name: 'qingpin-precompress',
  apply: 'build',
  // after every other plugin has finished the files (Vite fills in its preload lists late), gzip what was written
  writeBundle(options, bundle) {
    for (const name of Object.keys(bundle)) {
      if (!/\.(js|css|svg)$/.test(name)) continue
      const path = resolve(options.dir ?? 'dist', name)
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }))
    }
  },
}

// One project, three entries served by Flask at /h5/: HR admin, candidate portal, employee onboarding.
// Each entry loads only what it uses (Vant components on demand, ECharts only on chart pages).
export default defineConfig({
  base: '/h5/',
  plugins: [vantIconFont, earlyExchange, precompress, vue(), Components({ resolvers: [VantResolver()], dts: false })],
  resolve: { alias: { '@': here('./src') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2019', 'safari13', 'chrome80'],
    rollupOptions: {
      input: { hr: here('./hr/index.html'), c: here('./c/index.html'), onboard: here('./onboard/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:5000' } },
  test: { environment: 'happy-dom', include: ['tests/**/*.test.ts'], server: { deps: { inline: ['vant'] } } },
})
