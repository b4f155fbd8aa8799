// The invitation token from how the page was opened: a mini-program code (`scene` = the token), a link to this
// page (`token=`), or a web link QR code opening the mini-program (`q` = the encoded URL …/i/<token>).
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/

function decode(value) {
  try {
    return decodeURIComponent(value)
  } catch (err) {
    return value
  }
}

function invitationToken(options = {}) {
  const candidates = []
  if (options.scene) candidates.push(decode(options.scene))
  if (options.token) candidates.push(decode(options.token))
  if (options.q) {
    const url = decode(options.q)
    const fromQuery = /[?&]token=([^&#]+)/.exec(url)
    const fromPath = /\/i\/([^/?#]+)/.exec(url)
    if (fromQuery) candidates.push(decode(fromQuery[1]))
    if (fromPath) candidates.push(decode(fromPath[1]))
  }
  return candidates.find((value) => TOKEN.test(value)) || null
}

module.exports = { invitationToken }
