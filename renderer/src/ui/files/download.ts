/**
 * Saves text the page holds as a file through the browser's download (the browser host has no save dialog):
 * a Blob, a temporary object URL and a click on a link with `download`.
 */
export function downloadText(fileName: string, content: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([content], { type: `${type};charset=utf-8` }));
}

/** Saves a binary file the services handed back as base64 (a PDF report), the same way. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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
