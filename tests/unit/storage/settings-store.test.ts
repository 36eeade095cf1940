import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/services/settings/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const MINE: Settings = { user: { name: 'Ada Reviewer', role: 'secretary', email: 'ada@example.org' } };

const DAMAGED = [
  { name: 'not valid JSON', bytes: Buffer.from('{"user": {"name": "Ada"'), says: 'not valid JSON' },
  {
    name: 'JSON of the wrong shape',
    bytes: Buffer.from('{"user": {"name": "Ada", "role": "emperor", "email": ""}}\n'),
    says: 'does not match the expected format',
  },
];

async function settingsFile(bytes?: Buffer): Promise<{ dataDir: string; file: string }> {
  const dataDir = await tempDir();
  const file = join(dataDir, 'settings.json');
  if (bytes) await writeFile(file, bytes);
  return { dataDir, file };
}

describe('settings', () => {
  it('are saved and read back', async () => {
    const { dataDir } = await settingsFile();
    await (await SettingsStore.open(dataDir)).update(MINE);
    const reopened = await SettingsStore.open(dataDir);
    expect(reopened.settings).toEqual(MINE);
    expect(reopened.problem).toBeUndefined();
  });

  describe.each(DAMAGED)('in a settings file that is $name', ({ bytes, says }) => {
    it('are replaced by the defaults on open, with the problem stated, and the file is left as it was', async () => {
      const { dataDir, file } = await settingsFile(bytes);
      const store = await SettingsStore.open(dataDir);
      expect(store.settings).toEqual(DEFAULT_SETTINGS);
      expect(store.problem).toContain(says);
      expect(await readFile(file)).toEqual(bytes);
    });

    it('are set aside, bytes intact, when new settings are saved, and the new settings are written', async () => {
      const { dataDir, file } = await settingsFile(bytes);
      await (await SettingsStore.open(dataDir)).update(MINE);
      const setAside = (await readdir(dataDir)).filter((name) => name.startsWith('settings.json.damaged-'));
      expect(setAside).toHaveLength(1);
      expect(await readFile(join(dataDir, setAside[0] ?? ''))).toEqual(bytes);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(MINE);
      expect((await SettingsStore.open(dataDir)).problem).toBeUndefined();
    });
  });
});
