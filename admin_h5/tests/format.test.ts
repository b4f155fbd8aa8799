import { describe, expect, it } from 'vitest'
import { formatDateTime, formatSeconds, shanghaiDay, shanghaiToIso } from '@/shared/format'

describe('times shown in Asia/Shanghai', () => {
  it('converts wall-clock Shanghai time to UTC and back', () => {
    expect(shanghaiToIso('2026-12-02', '08:30')).toBe('2026-12-02T00:30:00.000Z')
    expect(shanghaiDay('2026-12-01T17:00:00Z')).toBe('2026-12-02') // 01:00 the next day in Shanghai
    expect(formatDateTime('2026-12-01T17:05:00Z')).toContain('01:05')
  })

  it('formats seconds as m:ss and refuses nonsense', () => {
    expect(formatSeconds(75.4)).toBe('1:15')
    expect(formatSeconds(undefined)).toBe('—')
    expect(formatSeconds(Number.NaN)).toBe('—')
  })
})
