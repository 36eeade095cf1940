import { AppError } from '../errors';

export function fileTooLargeError(fileName: string, bytes: number, maxBytes: number): AppError {
  const size = formatSize(bytes) === formatSize(maxBytes) ? `just over ${formatSize(maxBytes)}` : formatSize(bytes);
  return new AppError(
    'E_TOO_LARGE',
    `“${fileName}” is ${size}; the most this app imports ` +
      `is ${formatSize(maxBytes)}. Import the policy without ` +
      `attachments or images, or split it into parts.`,
  );
}

/** “50 MB”, “12.5 MB”, “980 KB”, “120 bytes”. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
