import { describe, expect, it } from 'vitest'
import { submission, toState } from '@/onboarding/form'
import { isAuto, ownerLabel, taskLink } from '@/onboarding/tasks'

const field = (name: string, value: string | null, prefilled: boolean, status = prefilled ? 'prefilled' : 'empty') =>
  ({ name, label: name, required: true, sensitive: false, value, prefilled, source: prefilled ? 'resume' : null, status, masked: false })

describe('onboarding form', () => {
  it('sends typed and corrected values, and confirms only ticked pre-filled fields left unchanged', () => {
    const fields = toState([field('name', '王小明', true), field('phone', '13812345678', true), field('email', 'a@b.cn', true),
      field('id_number', null, false), field('address', null, false)])
    fields[0].confirmed = true // name: ticked
    fields[1].value = '13900000000' // phone: corrected
    fields[3].value = ' 11010519491231002X ' // typed (spaces trimmed)
    expect(submission(fields)).toEqual({ values: { phone: '13900000000', id_number: '11010519491231002X' }, confirm: ['name'] })
  })

  it('does not confirm again what the server already recorded as confirmed', () => {
    const fields = toState([field('name', '王小明', true, 'confirmed')])
    expect(fields[0].confirmed).toBe(true)
    expect(submission(fields)).toEqual({ values: {}, confirm: [] })
  })
})

describe('checklist tasks', () => {
  it('links the employee to the page that does the task, and names the other owners', () => {
    expect(taskLink({ owner: 'employee', kind: 'document:id_card_front' })).toEqual({ name: 'documents', query: { kind: 'id_card_front' } })
    expect(taskLink({ owner: 'employee', kind: 'policy:handbook' })).toEqual({ name: 'policies' })
    expect(taskLink({ owner: 'it', kind: 'account' })).toBeUndefined()
    expect(isAuto({ kind: 'form' }) && !isAuto({ kind: 'training' })).toBe(true)
    expect(ownerLabel('manager')).toBe('上级')
  })
})
