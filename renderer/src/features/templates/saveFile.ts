/**
 * Saves text the page holds as a file through the browser's download (the browser host has no save dialog):
 * a Blob, a temporary object URL and a click on a link with `download`.
 */
export function downloadText(fileName: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is released after the event loop lets it read the Blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
