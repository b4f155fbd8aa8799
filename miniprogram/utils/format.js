// Times for the candidate, in Beijing time (the server sends *_display values with +08:00).
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const BEIJING_MS = 8 * 3600 * 1000

function beijing(iso) {
  const date = new Date(new Date(iso).getTime() + BEIJING_MS)
  return {
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: WEEKDAYS[date.getUTCDay()],
    time: `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`,
    key: `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`,
  }
}

function dateTime(iso) {
  if (!iso) return ''
  const b = beijing(iso)
  return `${b.month}月${b.day}日 周${b.weekday} ${b.time}`
}

// Slots grouped by Beijing day, in time order: [{key, label, slots: [{...slot, time}]}].
function slotsByDay(slots) {
  const days = new Map()
  for (const slot of [...slots].sort((a, b) => a.starts_at.localeCompare(b.starts_at))) {
    const start = beijing(slot.starts_at)
    if (!days.has(start.key)) days.set(start.key, { key: start.key, label: `${start.month}月${start.day}日 周${start.weekday}`, slots: [] })
    days.get(start.key).slots.push({ ...slot, time: `${start.time}–${beijing(slot.ends_at).time}` })
  }
  return [...days.values()]
}

function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

module.exports = { dateTime, slotsByDay, clock, beijing }
