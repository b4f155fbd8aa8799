// The onboarding form's state on the phone: each field's value, whether a pre-filled one was confirmed, and what
// one save sends (typed values, plus the pre-filled fields confirmed unchanged).
import type { Schemas } from '@/api/client'

type Field = Schemas['FormField']

export interface FieldState {
  name: string
  label: string
  required: boolean
  sensitive: boolean
  prefilled: boolean
  source: string | null
  status: string
  original: string
  value: string
  confirmed: boolean
}

export const SOURCES: Record<string, string> = { resume: '来自简历', application: '来自投递信息' }

export function toState(fields: Field[]): FieldState[] {
  return fields.map((f) => ({
    name: f.name!, label: f.label!, required: !!f.required, sensitive: !!f.sensitive, prefilled: !!f.prefilled,
    source: f.source ?? null, status: f.status ?? 'empty', original: f.value ?? '', value: f.value ?? '',
    confirmed: f.status === 'confirmed' || f.status === 'corrected',
  }))
}

/** {values, confirm}: changed or newly typed values; pre-filled fields ticked as correct and left unchanged. */
export function submission(fields: FieldState[]): { values: Record<string, string>; confirm: string[] } {
  const values: Record<string, string> = {}
  const confirm: string[] = []
  for (const field of fields) {
    const value = field.value.trim()
    if (value !== field.original.trim()) values[field.name] = value
    else if (field.prefilled && field.status === 'prefilled' && field.confirmed) confirm.push(field.name)
  }
  return { values, confirm }
}
