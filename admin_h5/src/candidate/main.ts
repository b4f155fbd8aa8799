import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { installUploadQueue } from './uploads'
import '@/shared/base.css'
import './candidate.css'

createApp(App).use(createPinia()).use(router).mount('#app')
installUploadQueue()
