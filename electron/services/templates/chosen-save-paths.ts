import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * Where main's native save dialog said to write a file, known to the renderer only by a token. A token is good
 * for one save and only for ten minutes, so the renderer can never name a path of its own choosing.
 */
export class ChosenSavePaths {
  private readonly byToken = new Map<string, { path: string; expires: number }>();

  remember(path: string): { token: string } {
    const token = randomUUID();
    this.byToken.set(token, { path, expires: Date.now() + 10 * 60 * 1000 });
    return { token };
  }

  /** The chosen path and its file name; the token is used up. */
  take(token: string): { path: string; fileName: string } {
    const entry = this.byToken.get(token);
    this.byToken.delete(token);
    if (!entry || entry.expires < Date.now()) throw new AppError('E_NOT_FOUND', 'That choice of where to save has expired. Choose where to save the file again.');
    return { path: entry.path, fileName: basename(entry.path) };
  }
}
