const { loadConfig } = require('./config/index')
const { createServices, resumeUploads } = require('./services/index')

App({
  onLaunch() {
    this.services = createServices(wx, loadConfig(wx))
    // Answers recorded before the mini-program was killed or the network dropped go up now.
    resumeUploads(wx, this.services)
  },
})
