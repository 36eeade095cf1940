import { AppError } from '../../../../shared/errors';

/**
 * Runs a reading step that recurses once per level of nesting. A file nested thousands of levels deep (no
 * real policy is) would exhaust the stack; it is refused with a message instead of failing obscurely.
 */
export function withinNestingLimit<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new AppError(
        'E_INVALID_INPUT',
        `“${fileName}” nests its content thousands of levels deep, which no policy document does, so it was not read. Check that this is the right file.`,
      );
    }
    throw error;
  }
}
