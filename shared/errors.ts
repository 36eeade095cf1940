/** Stable error codes that cross the bridge. Messages say what happened and what the person can do. */
export const ERROR_CODES = [
  'E_INVALID_INPUT',
  'E_NOT_FOUND',
  'E_TOO_LARGE',
  'E_UNSUPPORTED',
  'E_LOCKED',
  'E_READ_ONLY',
  /** A save failed because the disk (or the person's quota on it) is full; nothing was changed. */
  'E_DISK_FULL',
  'E_CORRUPT',
  'E_NEWER_FORMAT',
  'E_UNKNOWN_METHOD',
  'E_FORBIDDEN',
  'E_INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** An error a service throws on purpose; anything else is reported as E_INTERNAL without its details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
