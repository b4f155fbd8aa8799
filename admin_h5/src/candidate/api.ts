// The candidate entry's session (a token for one application, from the invitation link) and API client.
import { createApi } from '@/api/client'
import { createSession } from '@/shared/session'

export const session = createSession<{ applicationId: string }>('qingpin.candidate.session')
export const api = createApi(session)

// Who a candidate contacts when a link has expired: the inviting company (its name once we know it).
export const CONTACT = '请联系向您发送面试邀请的招聘方，请对方重新发送邀请链接。'
