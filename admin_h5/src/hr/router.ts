import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { session } from './api'
import HomePage from './pages/HomePage.vue'
import LoginPage from './pages/LoginPage.vue'

// The two first screens (home, login) come with the entry; every other page loads on demand (ECharts only on chart pages).
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true, title: '登录' } },
  { path: '/', name: 'home', component: HomePage, meta: { tab: 'home', title: '首页' } },
  { path: '/jobs', name: 'jobs', component: () => import('./pages/JobsPage.vue'), meta: { tab: 'jobs', title: '职位' } },
  { path: '/jobs/new', name: 'job-new', component: () => import('./pages/JobEditPage.vue'), meta: { title: '新建职位' } },
  { path: '/jobs/:jobId', name: 'job', component: () => import('./pages/JobPage.vue'), props: true, meta: { title: '职位详情' } },
  { path: '/jobs/:jobId/edit', name: 'job-edit', component: () => import('./pages/JobEditPage.vue'), props: true, meta: { title: '编辑职位' } },
  { path: '/jobs/:jobId/questions/new', name: 'question-new', component: () => import('./pages/QuestionEditPage.vue'), props: true, meta: { title: '新建题目' } },
  { path: '/jobs/:jobId/questions/:questionId', name: 'question-edit', component: () => import('./pages/QuestionEditPage.vue'), props: true, meta: { title: '编辑题目' } },
  { path: '/jobs/:jobId/slots', name: 'slots', component: () => import('./pages/SlotsPage.vue'), props: true, meta: { title: '面试排期' } },
  { path: '/jobs/:jobId/screening', name: 'screening', component: () => import('./pages/ScreeningPage.vue'), props: true, meta: { title: '简历筛选' } },
  { path: '/jobs/:jobId/agreement', name: 'agreement', component: () => import('./pages/AgreementPage.vue'), props: true, meta: { title: '评分一致性' } },
  { path: '/pipeline', name: 'pipeline', component: () => import('./pages/PipelinePage.vue'), meta: { tab: 'pipeline', title: '候选人' } },
  { path: '/applications/:applicationId', name: 'application', component: () => import('./pages/ApplicationPage.vue'), props: true, meta: { title: '候选人详情' } },
  { path: '/applications/:applicationId/scorecard', name: 'scorecard', component: () => import('./pages/ScorecardPage.vue'), props: true, meta: { title: '人工评分' } },
  { path: '/applications/:applicationId/decision', name: 'decision', component: () => import('./pages/DecisionPage.vue'), props: true, meta: { title: '面试决定' } },
  { path: '/analytics', name: 'analytics', component: () => import('./pages/AnalyticsPage.vue'), meta: { tab: 'analytics', title: '数据' } },
  { path: '/me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { tab: 'me', title: '我的' } },
  { path: '/team', name: 'team', component: () => import('./pages/TeamPage.vue'), meta: { title: '团队成员' } },
  { path: '/set-password', name: 'set-password', component: () => import('./pages/SetPasswordPage.vue'), meta: { public: true, title: '设置密码' } },
  { path: '/onboarding', name: 'onboarding', component: () => import('./pages/OnboardingBoardPage.vue'), meta: { title: '入职管理' } },
  { path: '/onboarding/:caseId', name: 'onboarding-case', component: () => import('./pages/OnboardingCasePage.vue'), props: true, meta: { title: '入职详情' } },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { public: true, title: '页面不存在' } },
]

export const router = createRouter({
  history: createWebHistory('/h5/hr/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach((to) => {
  if (!to.meta.public && !session.token()) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (to.name === 'login' && session.token()) return { name: 'home' }
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) || '轻聘'} · 轻聘招聘`
})

// A refused token anywhere → log in again, then come back to the same page.
session.onExpired(() => {
  const current = router.currentRoute.value
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
  }
})
