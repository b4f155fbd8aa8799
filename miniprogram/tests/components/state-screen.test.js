/**
 * @jest-environment jsdom
 */
// The shared full-page state component, rendered by miniprogram-simulate (TDesign's parts stubbed: they are
// TDesign's to test).
const path = require('path')
const simulate = require('miniprogram-simulate')

let id
beforeAll(() => {
  const result = simulate.load({
    properties: { theme: String, title: String, description: String },
    template: '<view class="result {{theme}}"><view class="t">{{title}}</view><view class="d">{{description}}</view></view>',
  })
  const button = simulate.load({ template: '<view class="button"><slot /></view>' })
  id = simulate.load(path.resolve(__dirname, '../../components/state-screen/index'), {
    compiler: 'simulate',
    usingComponents: { 't-result': result, 't-button': button },
  })
})

function render(props) {
  const component = simulate.render(id, props)
  component.attach(document.createElement('parent-wrapper'))
  return component
}

test('shows its title, description and action, and reports the tap', () => {
  const screen = render({ title: '需要摄像头和麦克风权限', description: '请在设置中打开', action: '去设置' })
  const text = screen.dom.textContent
  expect(text).toContain('需要摄像头和麦克风权限')
  expect(text).toContain('请在设置中打开')
  expect(text).toContain('去设置')
  const taps = []
  screen.addEventListener('action', () => taps.push('action'))
  screen.instance.onAction()
  expect(taps).toEqual(['action'])
})

test('without an action there is no button', () => {
  const screen = render({ title: '登录已过期', description: '请重新打开邀请' })
  expect(screen.querySelector('.state-actions')).toBeUndefined()
  expect(screen.dom.textContent).not.toContain('去设置')
})
