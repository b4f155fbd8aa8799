import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import AnswerCard from '@/hr/components/AnswerCard.vue'

const answer = (analysis: Record<string, unknown>) => ({
  id: 'a1', status: 'scored', content_score: 17.3, recordings: [], evidence: [], segments: [], figures: {}, integrity: {},
  analysis,
})
const render = (analysis: Record<string, unknown>) =>
  mount(AnswerCard, { props: { answer: answer(analysis) as never, index: 0 }, global: { stubs: { MediaPlayer: true } } })

describe('AnswerCard', () => {
  it('tells HR why a score was capped or scaled, with the quotes', () => {
    const card = render({ non_answers: [{ kind: 'digresses', message: '回答中大段内容与题目无关', figure: 0.67,
      quotes: [{ quote: '我们家小区里老人很多，', start: 2.5 }, { quote: '每天早上在楼下跳广场舞，', start: 4 }, { quote: '第三句', start: 6 }] }] })
    const section = card.find('[data-test="non-answers"]')
    expect(section.text()).toContain('回答中大段内容与题目无关')
    expect(section.text()).toContain('我们家小区里老人很多')
    expect(section.text()).not.toContain('第三句')  // two quotes at most
  })

  it('shows no such section for an answer without findings', () => {
    expect(render({ non_answers: [] }).find('[data-test="non-answers"]').exists()).toBe(false)
  })
})
