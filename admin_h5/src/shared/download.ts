// Hand a file made by the server (xlsx, csv, ics) to the browser as a download. The object URL lives a minute:
// revoking it at once cancels the download in some browsers (WeChat's among them).
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
