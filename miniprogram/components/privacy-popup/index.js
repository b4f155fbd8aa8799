// WeChat's privacy agreement (required since 2023-10-17 for camera, microphone, files, phone number). It does not
// replace QingPin's own consent records, which the consent page asks for separately.
Component({
  data: { visible: false, contractName: '小程序隐私保护指引' },
  lifetimes: {
    attached() {
      if (!wx.onNeedPrivacyAuthorization) return
      wx.onNeedPrivacyAuthorization((resolve) => {
        this.resolvePrivacy = resolve
        this.setData({ visible: true })
      })
      if (wx.getPrivacySetting) {
        wx.getPrivacySetting({ success: (res) => this.setData({ contractName: res.privacyContractName || this.data.contractName }) })
      }
    },
  },
  methods: {
    openContract() {
      wx.openPrivacyContract({})
    },
    onAgree() {
      if (this.resolvePrivacy) this.resolvePrivacy({ buttonId: 'agree-btn', event: 'agree' })
      this.setData({ visible: false })
    },
    onDisagree() {
      if (this.resolvePrivacy) this.resolvePrivacy({ event: 'disagree' })
      this.setData({ visible: false })
    },
  },
})
