// Where the API lives, per mini-program build (wx.getAccountInfoSync().miniProgram.envVersion). `node
// scripts/configure.js` rewrites this file from QINGPIN_API_BASE / QINGPIN_API_BASE_TRIAL; the domains must be in the
// WeChat console's request and uploadFile domain lists (https only; DevTools may skip the check in development).
module.exports = {
  develop: 'http://127.0.0.1:5000',
  trial: 'https://qingpin.example.com',
  release: 'https://qingpin.example.com',
}
