// Everything a page needs, built once in app.js from `wx` and the configuration.
const { createClient } = require('./request')
const { createCandidateApi } = require('./candidate')
const { createTusUploader } = require('./tus')
const { createUploadQueue } = require('./upload-queue')
const { createSubscriptions } = require('./subscribe')

function createServices(wx, config) {
  const client = createClient({ wx, baseUrl: config.baseUrl })
  const uploader = createTusUploader({ wx, client, chunkSize: config.chunkSize })
  return {
    client,
    api: createCandidateApi(client),
    queue: createUploadQueue({ wx, uploader }),
    subscriptions: createSubscriptions({ wx, client }),
  }
}

// On launch, whenever the mini-program comes back to the foreground and whenever the network comes back: send what
// is still queued (answers recorded before a kill, a background pause or an outage). Failures stay queued for the
// next time; nothing is thrown at the caller.
function resumeUploads(wx, services) {
  const drain = () => {
    if (!services.client.session() || !services.queue.waiting().length) return Promise.resolve([])
    return services.queue.drain().catch(() => [])
  }
  wx.onNetworkStatusChange(({ isConnected }) => { if (isConnected) drain() })
  wx.onAppShow(() => { drain() })
  return drain()
}

module.exports = { createServices, resumeUploads }
