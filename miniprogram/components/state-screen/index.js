// One clear full-page state: network lost, camera denied, session or invitation expired, nothing yet.
Component({
  properties: {
    theme: { type: String, value: 'warning' },
    title: String,
    description: String,
    action: String,
  },
  methods: {
    onAction() {
      this.triggerEvent('action')
    },
  },
})
