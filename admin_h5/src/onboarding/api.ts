// The onboarding entry's session (the employee's token, scoped to their own case) and its API client.
import { createApi } from '@/api/client'
import { createSession } from '@/shared/session'

export interface Employee { caseId: string }

export const session = createSession<Employee>('qingpin.onboard.session')
export const api = createApi(session)

// The case of the last offer link opened on this phone, so that an expired session returns to the same login.
const CASE_KEY = 'qingpin.onboard.case'
export const rememberCase = (caseId: string) => window.localStorage.setItem(CASE_KEY, caseId)
export const lastCase = () => window.localStorage.getItem(CASE_KEY)
