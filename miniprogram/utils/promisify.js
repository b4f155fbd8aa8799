// wx.* APIs take success/fail callbacks; these helpers turn one call into a promise.
function call(fn, options = {}) {
  return new Promise((resolve, reject) => {
    fn({ ...options, success: resolve, fail: reject })
  })
}

function header(headers, name) {
  if (!headers) return undefined
  const wanted = name.toLowerCase()
  const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted)
  return key === undefined ? undefined : headers[key]
}

module.exports = { call, header }
