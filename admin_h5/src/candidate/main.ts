import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { installUploadQueue } from './uploads'
import { exchangeInvitation, invitationToken } from './landing'
import '@/shared/base.css'
import './candidate.css'

// An invitation link: exchange its token now, while Vue starts (the invitation page awaits the same request).
const linkToken = invitationToken(location.pathname)
if (linkToken) exchangeInvitation(linkToken).catch(() => {})

createApp(App).use(createPinia()).use(router).mount('#app')
installUploadQueue()
