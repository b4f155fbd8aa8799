// Two suites: `unit` (wx from miniprogram-simulate, fake timers) and `api` (the real server, started by
// tests/miniprogram/test_miniprogram.py, which passes its address in QINGPIN_API_BASE).
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.js', '<rootDir>/tests/components/**/*.test.js'] },
    { displayName: 'api', testEnvironment: 'node', testMatch: ['<rootDir>/tests/api/**/*.test.js'] },
  ],
}
