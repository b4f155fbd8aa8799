import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PageState from '@/shared/components/PageState.vue'

const render = (props: Record<string, unknown>) =>
  mount(PageState, { props, slots: { default: '<p class="content">内容</p>' } })

describe('PageState', () => {
  it('shows loading, then the error with a retry, then empty, then the content', async () => {
    expect(render({ loading: true }).text()).toContain('加载中')
    const failed = render({ error: '网络连接失败，请检查网络后重试' })
    expect(failed.text()).toContain('网络连接失败')
    await failed.find('button').trigger('click')
    expect(failed.emitted('retry')).toHaveLength(1)
    expect(render({ empty: true, emptyText: '还没有职位' }).text()).toContain('还没有职位')
    const ready = render({})
    expect(ready.find('.content').exists()).toBe(true)
  })
})
