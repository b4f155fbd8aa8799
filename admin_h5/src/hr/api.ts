// The HR entry's session and API client.
import { createApi } from '@/api/client'
import { createSession } from '@/shared/session'
import type { Schemas } from '@/api/client'

export const session = createSession<Schemas['HrUser']>('qingpin.hr.session')
export const api = createApi(session)
export const can = {
  edit: () => ['admin', 'recruiter'].includes(session.state.user?.role ?? ''),
  admin: () => session.state.user?.role === 'admin',
}
