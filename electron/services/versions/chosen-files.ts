import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChosenFile } from '../../../shared/api';
import { AppError } from '../../../shared/errors';

/**
 * Files the person picked in a native dialog, known to the renderer only by a token and a name. A token is
 * good for one import and only for ten minutes, so the renderer can never name a path of its own choosing.
 */
export class ChosenFiles {
  private readonly byToken = new Map<string, { path: string; expires: number }>();

  async remember(paths: readonly string[]): Promise<ChosenFile[]> {
    const chosen: ChosenFile[] = [];
    for (const path of paths) {
      const token = randomUUID();
      const info = await stat(path);
      this.byToken.set(token, { path, expires: Date.now() + 10 * 60 * 1000 });
      chosen.push({ token, fileName: basename(path), bytes: info.size });
    }
    return chosen;
  }

  take(token: string): string {
    const entry = this.byToken.get(token);
    this.byToken.delete(token);
    if (!entry || entry.expires < Date.now()) {
      throw new AppError('E_NOT_FOUND', 'That file choice has expired. Choose the file again.');
    }
    return entry.path;
  }
}
