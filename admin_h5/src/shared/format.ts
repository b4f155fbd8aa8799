// Times are stored in UTC and shown in Asia/Shanghai, whatever the device's zone. Shanghai is UTC+8 all year (no
// daylight saving since 1991), so the wall clock is plain arithmetic: the first Intl.DateTimeFormat with a time zone
// costs a slow phone over 100 ms of its first screen (time-zone data), and the text is the same as zh-CN's.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000
const WEEKDAYS = '日一二三四五六'
const pad = (n: number) => String(n).padStart(2, '0')

/** The Shanghai wall clock of a moment, or null for an unreadable one. */
function wallClock(iso: string | Date) {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(date.getTime())) return null
  const s = new Date(date.getTime() + SHANGHAI_OFFSET_MS)
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate(), hh: s.getUTCHours(), mm: s.getUTCMinutes(), wd: s.getUTCDay() }
}

function shown(iso: string | null | undefined, text: (c: NonNullable<ReturnType<typeof wallClock>>) => string): string {
  if (!iso) return '—'
  const clock = wallClock(iso)
  return clock ? text(clock) : ''
}

/** 2026/12/07 14:05 */
export const formatDateTime = (iso?: string | null) => shown(iso, (c) => `${c.y}/${pad(c.m)}/${pad(c.d)} ${pad(c.hh)}:${pad(c.mm)}`)
/** 2026/12/07 */
export const formatDate = (iso?: string | null) => shown(iso, (c) => `${c.y}/${pad(c.m)}/${pad(c.d)}`)
/** 14:05 */
export const formatTime = (iso?: string | null) => shown(iso, (c) => `${pad(c.hh)}:${pad(c.mm)}`)
/** 12月7日周一 */
export const formatDay = (iso?: string | null) => shown(iso, (c) => `${c.m}月${c.d}日周${WEEKDAYS[c.wd]}`)

/** YYYY-MM-DD of a moment in Shanghai (for grouping by day). */
export function shanghaiDay(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  const shifted = new Date(date.getTime() + 8 * 3600 * 1000)
  return shifted.toISOString().slice(0, 10)
}

/** A Shanghai wall-clock date and time as a UTC ISO string ("2026-12-02", "14:30" → "2026-12-02T06:30:00.000Z"). */
export function shanghaiToIso(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString()
}

export function formatSeconds(seconds?: number | null): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—'
  const s = Math.max(0, Math.round(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function formatDuration(hours?: number | null): string {
  if (hours == null || !Number.isFinite(hours)) return '—'
  if (hours < 1) return `${Math.round(hours * 60)} 分钟`
  if (hours < 48) return `${hours.toFixed(1)} 小时`
  return `${(hours / 24).toFixed(1)} 天`
}

export const percent = (value?: number | null, digits = 0) =>
  value == null || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(digits)}%`

export function formatBytes(bytes?: number | null): string {
  if (!bytes) return '0 B'
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit ? 1 : 0)} ${units[unit]}`
}

export const STATE_LABELS: Record<string, string> = {
  applied: '待筛选',
  screened: '已筛选',
  invited: '待预约',
  booked: '待面试',
  in_progress: '面试中',
  completed: '已完成',
  scored: '待评估',
  advanced: '已通过',
  rejected: '未通过',
  hired: '已录用',
  withdrawn: '已撤回',
}
