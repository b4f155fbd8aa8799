import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Vant's icon font names a CDN copy as its fallback; deployments may have no internet and the CSP allows only
// this origin, so keep the embedded woff2 alone.
const noCdnFonts: Plugin = {
  name: 'qingpin-no-cdn-fonts',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type === 'asset' && file.fileName.endsWith('.css') && typeof file.source === 'string') {
        file.source = file.source.replace(/,\s*url\(["']?(?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\(["']?woff["']?\)/g, '')
      }
    }
  },
}

// Flask serves these .gz copies to browsers that accept gzip (a phone on 1.6 Mbps gets a third of the bytes).
const precompress: Plugin = {
  name: 'qingpin-precompress',
  apply: 'build',
  // After the files are written: in generateBundle, Vite's preload placeholders (__VITE_PRELOAD__…) are not yet
  // replaced, and a copy taken there breaks every lazy page.
  writeBundle(options, bundle) {
    for (const file of Object.values(bundle)) {
      if (!/\.(js|css|svg)$/.test(file.fileName)) continue
      const path = resolve(options.dir ?? here('./dist'), file.fileName)
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }))
    }
  },
}

// One project, three entries served by Flask at /h5/: HR admin, candidate portal, employee onboarding.
// Each entry loads only what it uses (Vant components on demand, ECharts only on chart pages).
export default defineConfig({
  base: '/h5/',
  plugins: [noCdnFonts, precompress, vue(), Components({ resolvers: [VantResolver()], dts: false })],
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
