import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durable-write';
import { readFileIfPresent } from '../storage/json-file-adapter';

const ACTOR_FILE = 'laptop-id';
const ACTOR = /^[0-9a-f]{32}$/;

/**
 * This data folder's writer id in the merge engine (an Automerge actor: 16 random bytes as hex), made on first use
 * and kept in the data folder. Every change this laptop records carries it, so a merge can tell one laptop's edits
 * from another's (and say who wrote each side of a conflict). One per data folder, not per person: two people sharing
 * a laptop still write as themselves, since the author is recorded beside it.
 */
export async function laptopActor(dataDir: string): Promise<string> {
  const file = join(dataDir, ACTOR_FILE);
  const kept = (await readFileIfPresent(file))?.toString('utf8').trim();
  if (kept && ACTOR.test(kept)) return kept;
  // Absent or damaged: a new id is safe (the laptop then writes as a new writer; nothing recorded is lost).
  const actor = randomBytes(16).toString('hex');
  await writeFileDurably(file, `${actor}\n`);
  return actor;
}
