// Loaded (async, a few hundred bytes) by the candidate portal's index.html before the portal's bundle: on an
// invitation link (/h5/c/i/<token>) it starts exchanging the link's token for a session at once, while the bundle is
// still on its way over a slow phone network. The portal takes this request's answer (src/candidate/landing.ts)
// instead of sending its own. Plain ES5: it must run on any browser that opens the link.
;(function () {
  var match = /^\/h5\/c\/i\/([^/?#]+)\/?$/.exec(window.location.pathname)
  if (!match || !window.fetch) return
  var token
  try {
    token = decodeURIComponent(match[1])
  } catch (e) {
    return
  }
  var response = window.fetch('/api/candidate/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ invitation_token: token }),
    credentials: 'same-origin',
  })
  response['catch'](function () {}) // the portal reports a failure when it takes the answer
  window.__qingpinInvitation = { token: token, response: response }
})()
