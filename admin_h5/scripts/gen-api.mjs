// Generates src/api/schema.d.ts from the backend's OpenAPI document (`qingpin openapi`).
// Usage: node scripts/gen-api.mjs [spec.json] [out.d.ts]; without a spec file, asks the project's venv for it.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
let [specPath, outPath] = process.argv.slice(2)
if (!specPath) {
  const python = process.env.QINGPIN_PYTHON || resolve(root, '../.venv/bin/python')
  specPath = join(mkdtempSync(join(tmpdir(), 'qp-spec-')), 'openapi.json')
  execFileSync(python, ['-m', 'backend.cli', 'openapi', '-o', specPath], {
    cwd: resolve(root, '..'),
    env: { ...process.env, REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:1/0', QINGPIN_INSTANCE_DIR: process.env.QINGPIN_INSTANCE_DIR || join(tmpdir(), 'qp-spec-instance') },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}
outPath = outPath || resolve(root, 'src/api/schema.d.ts')
const spec = JSON.parse(readFileSync(specPath, 'utf8'))
// defaultNonNullable off: a field with a default is optional in a request body (the server fills it in)
const ast = await openapiTS(spec, { alphabetize: true, defaultNonNullable: false })
const header = '// Generated from /api/openapi.json by `npm run gen:api`. Do not edit: change the backend schema and regenerate.\n'
writeFileSync(outPath, header + astToString(ast))
console.log(`wrote ${outPath}`)
