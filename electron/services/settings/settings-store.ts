import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../../shared/errors';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/model';
import { DurableJsonFile } from '../storage/json-file-adapter';

/**
 * The user's own settings (name, role, email), one small JSON file in the data folder. A damaged settings file
 * is never overwritten: the app runs on defaults and, when the user saves, moves the damaged file aside first.
 */
export class SettingsStore {
  private readonly db: Low<Settings>;
  private damaged: string | undefined;

  private constructor(readonly file: string) {
    this.db = new Low(new DurableJsonFile<Settings>(file, decodeSettings), structuredClone(DEFAULT_SETTINGS));
  }

  static async open(dataDir: string): Promise<SettingsStore> {
    await mkdir(dataDir, { recursive: true });
    const store = new SettingsStore(join(dataDir, 'settings.json'));
    try {
      await store.db.read();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      store.damaged = error.message;
    }
    return store;
  }

  get settings(): Settings {
    return this.db.data;
  }

  /** Why the saved settings could not be used, if they could not. */
  get problem(): string | undefined {
    return this.damaged;
  }

  async update(next: Settings): Promise<Settings> {
    if (this.damaged) {
      await rename(this.file, `${this.file}.damaged-${Date.now()}`);
      this.damaged = undefined;
    }
    await this.db.adapter.write(next);
    this.db.data = next;
    return next;
  }
}

function decodeSettings(bytes: Buffer): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError(
      'E_CORRUPT',
      'Your settings file is not valid JSON, so default settings are used. Saving your settings will set it aside and write a new one.',
    );
  }
  const parsed = Settings.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'E_CORRUPT',
      'Your settings file does not match the expected format, so default settings are used. Saving your settings will set it aside and write a new one.',
    );
  }
  return parsed.data;
}
