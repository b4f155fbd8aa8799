// Configuration only: the API address for this build and the upload sizes. No secret ever lives here.
const apiBase = require('./env')

function envVersion(wx) {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion || 'release'
  } catch (err) {
    return 'release'
  }
}

function loadConfig(wx) {
  return {
    baseUrl: apiBase[envVersion(wx)] || apiBase.release,
    chunkSize: 5 * 1024 * 1024, // tus chunk; also the S3 staging part size
    // the segment length, answer and think times come from the server with each started question
  }
}

module.exports = { loadConfig }
