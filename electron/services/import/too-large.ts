import { AppError } from '../../../shared/errors';

export function fileTooLargeError(fileName: string, bytes: number, maxBytes: number): AppError {
  return new AppError('E_TOO_LARGE', `“${fileName}” is ${megabytes(bytes)}; the most this app imports is ${megabytes(maxBytes)}. Import the policy without attachments or images, or split it into parts.`);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
