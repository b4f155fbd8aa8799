// Bulk invitations run here, not in a page: the recruiter can leave the pipeline and come back to the progress.
import { defineStore } from 'pinia'
import { api } from '../api'
import { ApiError, call } from '@/api/client'

export const useBulkInvite = defineStore('bulkInvite', {
  state: () => ({ running: false, done: 0, total: 0, invited: 0, failed: [] as Array<{ name: string; message: string }> }),
  actions: {
    /** Invite in batches of 10, recording who could not be invited and why. */
    async start(applications: Array<{ id: string; name: string }>): Promise<void> {
      if (this.running || !applications.length) return
      Object.assign(this, { running: true, done: 0, total: applications.length, invited: 0, failed: [] })
      const names = new Map(applications.map((a) => [a.id, a.name]))
      try {
        for (let i = 0; i < applications.length; i += 10) {
          const batch = applications.slice(i, i + 10).map((a) => a.id)
          try {
            const results = await call(api.POST('/api/applications/bulk-invitations', { body: { application_ids: batch, notify: true, qr: false } }))
            for (const r of results) {
              if (r.invited) this.invited += 1
              else this.failed.push({ name: names.get(r.application_id ?? '') ?? '', message: r.message ?? r.reason ?? '' })
            }
          } catch (exc) {
            for (const id of batch) this.failed.push({ name: names.get(id) ?? '', message: exc instanceof ApiError ? exc.message : '发送失败' })
            if (exc instanceof ApiError && exc.status === 401) break
          }
          this.done = Math.min(applications.length, i + batch.length)
        }
      } finally {
        this.running = false
      }
    },
    dismiss() {
      if (!this.running) Object.assign(this, { done: 0, total: 0, invited: 0, failed: [] })
    },
  },
})
