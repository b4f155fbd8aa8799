// What a checklist task means on the phone: who does it, and which page does it (tasks that tick themselves off).
import type { RouteLocationRaw } from 'vue-router'

const OWNERS: Record<string, string> = { employee: '本人', hr: '人事', manager: '上级', it: 'IT' }

export const ownerLabel = (owner?: string) => OWNERS[owner ?? ''] ?? owner ?? ''

export function taskLink(task: { kind?: string; owner?: string }): RouteLocationRaw | undefined {
  if (task.owner !== 'employee' || !task.kind) return undefined
  if (task.kind === 'form') return { name: 'form' }
  if (task.kind.startsWith('document:')) return { name: 'documents', query: { kind: task.kind.slice('document:'.length) } }
  if (task.kind.startsWith('policy:')) return { name: 'policies' }
  if (task.kind === 'training') return { name: 'training' }
  return undefined
}

/** Tasks the system ticks off when the employee does the thing (form saved, document read, policy acknowledged). */
export const isAuto = (task: { kind?: string }) =>
  !!task.kind && (task.kind === 'form' || task.kind.startsWith('document:') || task.kind.startsWith('policy:'))
