// One error shape for every failed call: {code, status, reason, message}, message in Chinese for the candidate.
const REASONS = {
  network_error: '网络连接失败，请检查网络后重试。已录制的内容保存在手机上，不会丢失。',
  timeout: '网络较慢，请求超时，请稍后重试。',
  session_expired: '登录已过期，请重新打开面试邀请。',
  bad_token: '登录已过期，正在重新登录。',
  missing_token: '请先登录。',
  invitation_invalid: '面试邀请已失效或已过期，请联系招聘方重新发送邀请。',
  no_linked_application: '当前微信账号还没有关联面试，请先打开招聘方发来的面试邀请。',
  wechat_account_mismatch: '这份邀请已由另一个微信账号使用，请使用收到邀请的微信账号。',
  relogin_required: '微信登录状态已变化，请再点一次按钮。',
  too_many_logins: '登录过于频繁，请一分钟后再试。',
  wechat_disabled: '暂不支持微信登录，请使用邀请链接登录。',
  media_consent_required: '请先阅读并同意《录音录像告知》。',
  notice_outdated: '告知内容已更新，请重新阅读后确认。',
  busy_time_conflict: '该时段与您标记的忙碌时间冲突。',
  slot_past: '该时段已开始或已过去，请选择其他时段。',
  slot_changed: '该时段刚刚有变化，请刷新后重试。',
  same_slot: '新时段与当前预约相同。',
  request_open: '您已有一个同类申请在处理中。',
  empty_file: '文件是空的，请重新选择。',
  unsupported_type: '文件格式不支持，请选择 PDF、Word 文档或图片。',
  slot_full: '该时段已约满，请选择其他时段。',
  already_booked: '您已预约面试，如需更改请使用“改约”。',
  not_booked: '您还没有预约面试时间。',
  reschedule_cutoff: '已超过可改约的时间，如有困难请联系招聘方。',
  reschedule_limit: '改约次数已用完。',
  slot_not_started: '面试时段还没开始，请在预约时间前 15 分钟内进入。',
  slot_over: '预约的面试时段已结束，请重新预约。',
  window_closed: '面试开放时间已结束。',
  state_not_allowed: '当前阶段不能进行此操作。',
  no_retakes_left: '这道题的重答次数已用完。',
  answer_time_over: '这道题的作答时间已结束。',
  answer_submitted: '这道题的回答已提交。',
  segment_exists: '这一段录像已上传。',
  answer_superseded: '这次作答已被重录取代。',
  segment_too_long: '单段录像过长，请重新录制。',
  answer_too_long: '回答超过了时间限制。',
  unanswered_questions: '还有题目没有回答，请回答全部题目后再提交。',
  answer_not_submitted: '还有回答正在录制或上传，请提交或重新录制后再完成面试。',
  checksum_mismatch: '上传的文件校验失败，正在重新上传。',
  file_checksum_mismatch: '上传的文件校验失败，正在重新上传。',
  segment_too_large: '录像文件过大。',
  candidate_quota: '录像总量超过了上限，请联系招聘方。',
  unsupported_media: '文件格式不支持，请选择 PDF、Word 文档或图片。',
  not_found: '内容不存在或已被删除。',
  upload_failed: '上传失败，正在重新上传。',
}

const STATUSES = {
  400: '请求有误，请稍后重试。',
  401: '登录已过期，请重新登录。',
  403: '没有权限进行此操作。',
  404: '内容不存在或已失效。',
  409: '操作与当前状态冲突，请刷新后重试。',
  413: '文件过大。',
  415: '文件格式不支持。',
  422: '填写的内容有误，请检查后重试。',
  429: '操作过于频繁，请稍后再试。',
}

class ApiError extends Error {
  constructor({ code, status, reason, message, detail }) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.reason = reason
    this.detail = detail // the server's own (English) message, for logs and support
  }
}

function chineseMessage(code, reason) {
  if (reason && REASONS[reason]) return REASONS[reason]
  if (STATUSES[code]) return STATUSES[code]
  if (code >= 500) return '服务暂时不可用，请稍后重试。'
  return '出错了，请稍后重试。'
}

function fromResponse(statusCode, body) {
  const data = body && typeof body === 'object' ? body : {}
  const reason = data.reason || data.code_name || (typeof data.code === 'string' ? data.code : undefined) || null
  return new ApiError({
    code: statusCode,
    status: typeof data.status === 'string' ? data.status : String(statusCode),
    reason,
    message: chineseMessage(statusCode, reason),
    detail: data.message || '',
  })
}

function networkError(errMsg) {
  const reason = /timeout/i.test(errMsg || '') ? 'timeout' : 'network_error'
  return new ApiError({ code: 0, status: 'network', reason, message: REASONS[reason], detail: errMsg || '' })
}

function sessionExpired(detail) {
  return new ApiError({ code: 401, status: 'Unauthorized', reason: 'session_expired', message: REASONS.session_expired, detail })
}

module.exports = { ApiError, chineseMessage, fromResponse, networkError, sessionExpired, REASONS }
