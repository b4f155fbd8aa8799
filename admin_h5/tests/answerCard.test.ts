import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import AnswerCard from '@/hr/components/AnswerCard.vue'

const answer = (analysis: Record<string, unknown>, evidence: Array<Record<string, unknown>> = []) => ({
  id: 'a1', status: 'scored', content_score: 17.3, recordings: [], evidence, segments: [], figures: {}, integrity: {},
  analysis,
})
const render = (analysis: Record<string, unknown>, evidence: Array<Record<string, unknown>> = []) =>
  mount(AnswerCard, { props: { answer: answer(analysis, evidence) as never, index: 0 }, global: { stubs: { MediaPlayer: true } } })

describe('AnswerCard', () => {
  it('tells HR why a score was capped or scaled, with the quotes', () => {
    const card = render({ non_answers: [{ kind: 'digresses', message: '回答中大段内容与题目无关', figure: 0.67,
      quotes: [{ quote: '我们家小区里老人很多，', start: 2.5 }, { quote: '每天早上在楼下跳广场舞，', start: 4 }, { quote: '第三句', start: 6 }] }] })
    const section = card.find('[data-test="non-answers"]')
    expect(section.text()).toContain('回答中大段内容与题目无关')
    expect(section.text()).toContain('我们家小区里老人很多')
    expect(section.text()).not.toContain('第三句')  // two quotes at most
  })

  it('quotes what a finding of poor judgment (content-v14) found, for HR to judge', () => {
    const card = render({ non_answers: [{ kind: 'poor_judgment', figure: 0.4,
      message: '回答中的做法有变通违规、轻视风险、推卸责任或承诺收益的表述（见引文），得分已折减，请结合上下文判断',
      quotes: [{ quote: '差错登记后面再补，', start: 8.2 }, { quote: '反正最后清机对账就清楚了。', start: 10.4 }] }] })
    const section = card.find('[data-test="non-answers"]')
    expect(section.text()).toContain('请结合上下文判断')
    expect(section.findAll('button.chip__quote').map((b) => b.text())).toEqual(['「差错登记后面再补，」0:08', '「反正最后清机对账就清楚了。」0:10'])
  })

  it('shows no such section for an answer without findings', () => {
    expect(render({ non_answers: [] }).find('[data-test="non-answers"]').exists()).toBe(false)
  })

  it('says how a point was heard when not in HR\'s words, and when it counts only in part', () => {
    const point = { point_id: 'p1', point_text: '安抚客户情绪', found: true, start: 3, quote: '我先安抚了他，' }
    const card = render({}, [
      { ...point, phrase: '安抚', match: 'part', source: 'head', matched_text: '安抚', synonym_of: '安抚情绪', credit: 0.5 },
      { ...point, point_id: 'p2', point_text: '跟进回访', phrase: '回访', match: 'pinyin', source: 'key_phrase', matched_text: '回房', credit: 1 },
      { ...point, point_id: 'p3', point_text: '查明原因', phrase: '查清', match: 'exact', source: 'synonym', matched_text: '查清', synonym_of: '查明', credit: 1 },
      { ...point, point_id: 'p4', point_text: '道歉', phrase: '道歉', match: 'exact', source: 'key_phrase', matched_text: '道歉', credit: 1 },
    ])
    const how = card.findAll('[data-test="evidence-how"]').map((w) => w.text())
    expect(how).toEqual([
      '只说到「安抚」，部分对应「安抚情绪」；该要点计 50%',
      '按读音对应「回访」（转写为「回房」）',
      '同义说法「查清」，对应「查明」',
    ])  // said in HR's own words: nothing to explain
    expect(card.findAll('[data-test="evidence-chip"]')).toHaveLength(4)
  })

  it('shows a point said in other words with the word pairs and how close they came', () => {
    const card = render({}, [{
      point_id: 'p1', point_text: '说明自己承担的分工', found: true, start: 4, quote: '我是跑客户的，管收资料，', phrase: '负责',
      match: 'meaning', source: 'word_vectors', matched_text: '管', credit: 0.62,
      meaning: { similarity: 0.624, credit: 0.62, pairs: [
        { point_word: '负责', answer_word: '管', similarity: 0.66, quote: '我是跑客户的，管收资料，', start: 4, end: 6 },
        { point_word: '分工', answer_word: '资料', similarity: 0.6, quote: '我是跑客户的，管收资料，', start: 4, end: 6 },
      ] },
    }])
    expect(card.find('[data-test="evidence-how"]').text()).toBe(
      '换了说法：用词与要点相近（「管」≈「负责」、「资料」≈「分工」，相近度 0.62）；该要点计 62%')
  })
})
