// The candidate API by domain, over the one client (services/request.js).
const { idempotencyKey } = require('./request')

async function orNull(promise) {
  try {
    return await promise
  } catch (err) {
    if (err.code === 404) return null
    throw err
  }
}

function createCandidateApi(client) {
  return {
    // invitation and sign-in
    loginWithInvitation: (invitationToken) => client.login({ invitationToken }),
    savePhone: (code) => client.post('/api/candidate/wechat/phone', { code }),
    // consents
    consents: () => client.get('/api/candidate/consents'),
    consent: (notice, granted) => client.post('/api/candidate/consents', {
      kind: notice.kind, granted, notice_version: notice.version, text_sha256: notice.text_sha256, channel: 'miniprogram',
    }),
    // booking
    slots: () => client.get('/api/candidate/slots'),
    booking: () => orNull(client.get('/api/candidate/booking')),
    book: (slotId, key = idempotencyKey()) => client.post('/api/candidate/booking', { slot_id: slotId }, { header: { 'Idempotency-Key': key } }),
    reschedule: (slotId, key = idempotencyKey()) =>
      client.post('/api/candidate/booking/reschedule', { slot_id: slotId }, { header: { 'Idempotency-Key': key } }),
    cancelBooking: () => client.del('/api/candidate/booking'),
    // interview
    interview: () => client.get('/api/candidate/interview'),
    // camera: the mini-program camera stops and restarts at each cut (a moment of speech is lost there), so the
    // server tells it the longest segment and it cuts rarely; the H5's overlapping recorder gets short segments.
    startQuestion: (questionId) => client.post(`/api/candidate/questions/${questionId}/start?recorder=camera`),
    answer: (answerId) => client.get(`/api/candidate/answers/${answerId}`),
    finish: () => client.post('/api/candidate/interview/finish'),
    // status, messages, result, rights
    status: () => client.get('/api/candidate/status'),
    messages: () => client.get('/api/candidate/messages'),
    markRead: (id) => client.post(`/api/candidate/messages/${id}/read`),
    result: () => orNull(client.get('/api/candidate/result')), // null until HR releases it
    fileRequest: (kind, message) => client.post('/api/candidate/requests', { kind, message }),
    documents: () => client.get('/api/candidate/documents'),
    uploadDocument: (filePath, kind) => client.upload('/api/candidate/documents', { filePath, formData: { kind } }),
    deviceCheck: (filePath) => client.upload('/api/candidate/device-check', { filePath }),
  }
}

module.exports = { createCandidateApi }
