// Where the candidate is in the journey, read from the server each time (the server is the authority).
import { api } from './api'
import { ApiError, call, type Schemas } from '@/api/client'

export type Interview = Schemas['MyInterview']
export type Booking = Schemas['Booking']
export type Notice = Schemas['Notice']

export interface Journey {
  interview: Interview
  notices: Notice[]
  booking: Booking | null
  mode: string
  windowClosesAt: string | null
}

export const DEVICE_CHECK_KEY = 'qingpin.candidate.device-ok'

/** What the server returns, or null when it has nothing (404): no booking yet, no result released yet. */
export function unlessMissing<T>(request: Promise<T>): Promise<T | null> {
  return request.catch((exc) => {
    if (exc instanceof ApiError && exc.status === 404) return null
    throw exc
  })
}

export const loadBooking = () => unlessMissing(call(api.GET('/api/candidate/booking')))

export async function loadJourney(): Promise<Journey> {
  const [interview, consents, booking, options] = await Promise.all([
    call(api.GET('/api/candidate/interview')),
    call(api.GET('/api/candidate/consents')),
    loadBooking(),
    call(api.GET('/api/candidate/slots')).catch(() => null),
  ])
  return {
    interview,
    notices: consents.notices ?? [],
    booking,
    mode: options?.mode ?? 'slots',
    windowClosesAt: (options?.window as { closes_at?: string } | null | undefined)?.closes_at ?? null,
  }
}

export const mediaAgreed = (j: Journey) => j.notices.some((n) => n.kind === 'media' && n.granted)
export const booked = (j: Journey) => !!j.booking
export const interviewOpen = (j: Journey) => ['invited', 'booked', 'in_progress'].includes(j.interview.state ?? '')
export const deviceChecked = () => sessionStorage.getItem(DEVICE_CHECK_KEY) === '1'

/** Minutes the whole interview takes: each real question's think and answer time, plus the practice and checks. */
export function estimatedMinutes(interview: Interview): number {
  const seconds = (interview.questions ?? []).reduce((total, q) => total + (q.think_seconds ?? 0) + (q.answer_seconds ?? 0), 0)
  return Math.max(5, Math.ceil(seconds / 60) + 5)
}

export function nextStep(j: Journey): { name: string; label: string } | null {
  if (!interviewOpen(j)) return null
  if (!mediaAgreed(j)) return { name: 'consent', label: '阅读并同意授权' }
  if (!booked(j) && j.interview.state === 'invited') return { name: 'booking', label: j.mode === 'open_window' ? '确认面试期限' : '预约面试时间' }
  if (!deviceChecked()) return { name: 'device', label: '检测摄像头和麦克风' }
  return { name: 'interview', label: j.interview.state === 'in_progress' ? '继续面试' : '开始面试' }
}
