import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { session } from './api'
// The two pages of an invitation link's first screen come with the entry script (no chunk round trip on a slow phone).
import InvitationPage from './pages/InvitationPage.vue'
import HomePage from './pages/HomePage.vue'

// Other pages load on demand; the token never travels in a URL after the invitation link is exchanged for it.
const routes: RouteRecordRaw[] = [
  { path: '/i/:token', name: 'invitation', component: InvitationPage, props: true, meta: { public: true, title: '面试邀请' } },
  { path: '/', name: 'home', component: HomePage, meta: { tab: 'home', title: '视频面试' } },
  { path: '/consent', name: 'consent', component: () => import('./pages/ConsentPage.vue'), meta: { title: '授权与告知' } },
  { path: '/booking', name: 'booking', component: () => import('./pages/BookingPage.vue'), meta: { title: '预约面试时间' } },
  { path: '/device', name: 'device', component: () => import('./pages/DevicePage.vue'), meta: { title: '设备检测' } },
  { path: '/interview', name: 'interview', component: () => import('./pages/InterviewPage.vue'), meta: { title: '面试题目' } },
  { path: '/interview/:questionId', name: 'question', component: () => import('./pages/QuestionPage.vue'), props: true, meta: { title: '作答' } },
  { path: '/status', name: 'status', component: () => import('./pages/StatusPage.vue'), meta: { tab: 'status', title: '面试进度' } },
  { path: '/me', name: 'me', component: () => import('./pages/MyDataPage.vue'), meta: { tab: 'me', title: '我的资料' } },
  { path: '/problem/:kind', name: 'problem', component: () => import('./pages/ProblemPage.vue'), props: true, meta: { public: true, title: '需要处理' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/ProblemPage.vue'), props: { kind: 'not-found' }, meta: { public: true, title: '页面不存在' } },
]

export const router = createRouter({
  history: createWebHistory('/h5/c/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach((to) => {
  if (!to.meta.public && !session.token()) return { name: 'problem', params: { kind: 'signed-out' } }
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) || '视频面试'} · 轻聘`
})

// The server refused the token (expired): a page that says so and who to contact, never a dead end.
session.onExpired(() => {
  void router.replace({ name: 'problem', params: { kind: 'expired' } })
})
