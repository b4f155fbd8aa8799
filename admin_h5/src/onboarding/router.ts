import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { lastCase, session } from './api'

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: '登录' } },
  { path: '/', name: 'home', component: () => import('./pages/WelcomePage.vue'), meta: { tab: 'home', title: '欢迎入职' } },
  { path: '/tasks', name: 'tasks', component: () => import('./pages/ChecklistPage.vue'), meta: { tab: 'tasks', title: '入职待办' } },
  { path: '/form', name: 'form', component: () => import('./pages/FormPage.vue'), meta: { title: '入职信息' } },
  { path: '/documents', name: 'documents', component: () => import('./pages/DocumentsPage.vue'), meta: { title: '入职材料' } },
  { path: '/policies', name: 'policies', component: () => import('./pages/PoliciesPage.vue'), meta: { title: '制度学习' } },
  { path: '/training', name: 'training', component: () => import('./pages/TrainingPage.vue'), meta: { title: '推荐课程' } },
  { path: '/messages', name: 'messages', component: () => import('./pages/MessagesPage.vue'), meta: { tab: 'messages', title: '消息' } },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory('/h5/onboard/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach((to) => {
  // The offer letter's link carries the case (never a secret); the one-time code is typed on the login page.
  const linked = typeof to.query.case === 'string' ? to.query.case : null
  if (linked && session.state.user?.caseId !== linked && to.name !== 'login') {
    session.signOut()
    return { name: 'login', query: { case: linked } }
  }
  if (!to.meta.public && !session.token()) return { name: 'login', query: linked ? { case: linked } : {} }
  if (to.name === 'login' && session.token() && (!linked || session.state.user?.caseId === linked)) return { name: 'home' }
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) || '入职'} · 轻聘入职`
})

session.onExpired(() => {
  const caseId = lastCase()
  void router.replace({ name: 'login', query: { ...(caseId ? { case: caseId } : {}), expired: '1' } })
})
