// Entry: the invitation (QR scene or link) → WeChat sign-in → optional phone number → consents.
const { invitationToken } = require('../../utils/invitation')
const { showError, services } = require('../../utils/ui')

Page({
  data: { state: 'loading', phoneSaved: false, error: '' },

  onLoad(options) {
    this.token = invitationToken(options)
    const { client } = services()
    if (client.session() && !this.token) return this.signedIn()
    if (!this.token) return this.setData({ state: 'no-invitation' })
    this.setData({ state: 'ready' })
  },

  // wx.login happens here, before the phone button can be tapped: a later wx.login would rotate the session
  // key and the phone number could not be decrypted.
  async onSignIn() {
    this.setData({ state: 'signing-in' })
    try {
      await services().api.loginWithInvitation(this.token)
      this.setData({ state: 'signed-in' })
    } catch (err) {
      if (err.reason === 'invitation_invalid') return this.setData({ state: 'expired' })
      this.setData({ state: 'ready' })
      showError(err)
    }
  },

  async onPhone(event) {
    if (!event.detail.code) return // refused: the phone number is optional
    try {
      await services().api.savePhone(event.detail.code)
      this.setData({ phoneSaved: true })
    } catch (err) {
      showError(err)
    }
  },

  signedIn() {
    wx.redirectTo({ url: '/pages/consent/index' })
  },

  onContinue() {
    this.signedIn()
  },
})
