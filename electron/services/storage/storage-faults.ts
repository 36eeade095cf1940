import { AppError } from '../../../shared/errors';

/** Why a folder cannot be written: the faults a person can understand and do something about. */
export type StorageFault = 'read-only' | 'no-permission' | 'disk-full' | 'quota-exceeded';

const FAULT_BY_CODE: Readonly<Record<string, StorageFault>> = {
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  ENOSPC: 'disk-full',
  EDQUOT: 'quota-exceeded',
};

/** The storage fault behind an error from the file system, or `undefined` for any other error. */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return code === undefined ? undefined : FAULT_BY_CODE[code];
}

function cause(fault: StorageFault, folder: string): string {
  switch (fault) {
    case 'read-only':
      return `The folder “${folder}” is read-only`;
    case 'no-permission':
      return `This app may not write in the folder “${folder}” (permission denied)`;
    case 'disk-full':
      return `The disk that holds “${folder}” is full`;
    case 'quota-exceeded':
      return `Your share of the disk that holds “${folder}” (your disk quota) is used up`;
  }
}

function remedy(fault: StorageFault, retry: string): string {
  switch (fault) {
    case 'read-only':
      return 'Copy the review to a folder you can write to.';
    case 'no-permission':
      return 'Ask for permission to write in that folder, or copy the review to a folder you can write to.';
    case 'disk-full':
      return `Free some space on that disk, then ${retry}.`;
    case 'quota-exceeded':
      return `Free some of your space there, or ask for a larger quota, then ${retry}.`;
  }
}

/** Why a review opens read-only when its folder cannot be written: the cause, what it means, what to do. */
export function readOnlyReasonFor(fault: StorageFault, folder: string): string {
  return `${cause(fault, folder)}, so this review opens read-only: nothing can be saved. ${remedy(fault, 'open the review again')}`;
}

/**
 * A write refused by the file system, as an error a person can act on; `outcome` says what did not happen and
 * that nothing else changed, e.g. “this change was not saved; the review is as it was before it”.
 */
export function storageFaultError(
  fault: StorageFault,
  folder: string,
  outcome: string,
  readOnlyRemedy?: string,
): AppError {
  const code = fault === 'disk-full' || fault === 'quota-exceeded' ? 'E_DISK_FULL' : 'E_READ_ONLY';
  const what =
    (fault === 'read-only' || fault === 'no-permission') && readOnlyRemedy
      ? readOnlyRemedy
      : remedy(fault, 'try again');
  return new AppError(code, `${cause(fault, folder)}, so ${outcome}. ${what}`);
}

/** Runs `write`; a storage fault it meets becomes `storageFaultError`, anything else is passed on as it is. */
export async function explainingStorageFaults<T>(
  folder: string,
  outcome: string,
  write: () => Promise<T>,
  readOnlyRemedy?: string,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const fault = storageFaultOf(error);
    throw fault ? storageFaultError(fault, folder, outcome, readOnlyRemedy) : error;
  }
}
