import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDay, formatSeconds, formatTime, shanghaiDay, shanghaiToIso } from '@/shared/format'

describe('times shown in Asia/Shanghai', () => {
  it('converts wall-clock Shanghai time to UTC and back', () => {
    expect(shanghaiToIso('2026-12-02', '08:30')).toBe('2026-12-02T00:30:00.000Z')
    expect(shanghaiDay('2026-12-01T17:00:00Z')).toBe('2026-12-02') // 01:00 the next day in Shanghai
    expect(formatDateTime('2026-12-01T17:05:00Z')).toContain('01:05')
  })

  it('writes the same text as Intl zh-CN in Asia/Shanghai, without Intl (a slow phone pays for its time-zone data)', () => {
    const intl = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, ...options })
    const dateTime = intl({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    const date = intl({ year: 'numeric', month: '2-digit', day: '2-digit' })
    const time = intl({ hour: '2-digit', minute: '2-digit' })
    const day = intl({ month: 'long', day: 'numeric', weekday: 'short' })
    // every 7 h 13 min over two years: all hours, weekdays, month ends, a leap day, New Year in both zones
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 11, 31); t += (7 * 60 + 13) * 60 * 1000) {
      const iso = new Date(t).toISOString()
      expect(formatDateTime(iso)).toBe(dateTime.format(t))
      expect(formatDate(iso)).toBe(date.format(t))
      expect(formatTime(iso).replace(/^24/, '00')).toBe(time.format(t).replace(/^24/, '00'))
      expect(formatDay(iso)).toBe(day.format(t))
    }
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('not a time')).toBe('')
  })

  it('formats seconds as m:ss and refuses nonsense', () => {
    expect(formatSeconds(75.4)).toBe('1:15')
    expect(formatSeconds(undefined)).toBe('—')
    expect(formatSeconds(Number.NaN)).toBe('—')
  })
})
