import { createApp, h } from 'vue'
import '@/shared/base.css'

// Placeholder until this entry's pages land (see admin_h5/README.md).
createApp({ render: () => h('main', { style: 'padding:48px 16px;text-align:center' }, '页面建设中') }).mount('#app')
