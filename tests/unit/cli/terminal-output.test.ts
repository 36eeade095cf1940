import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeVersionText } from '../../../shared/document';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { CLOSING, OPENING, PDF, PRIVACY, RLO, textWithBidi } from '../../../fixtures/generator/hidden-text';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** What a terminal acts on: any C0 control but line feed (and tab), DEL, C1, and direction controls. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A review with two versions of a text policy imported by the command line: the second adds a direction override. */
async function reviewWithBidi(): Promise<{ dataDir: string; id: string }> {
  const dataDir = await tempDir();
  const { id } = JSON.parse((await runCli(['new', '--title', 'Privacy', '--json', '--data-dir', dataDir])).stdout) as {
    id: string;
  };
  const before = [
    PRIVACY,
    '=======',
    '',
    OPENING,
    '',
    'Attach the form to the reply.',
    '',
    ...CLOSING.flatMap((p) => [p, '']),
  ].join('\n');
  const files: [string, string][] = [
    ['v1.txt', before],
    ['v2.txt', textWithBidi()],
  ];
  for (const [name, text] of files) {
    await writeFile(join(dataDir, name), text);
    const run = await runCli(['import', id, join(dataDir, name), '--label', name.slice(0, 2), '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
  }
  return { dataDir, id };
}

describe('what the command line prints from documents', () => {
  it('shows direction controls as marks in compare’s output and never sends them to the terminal', async () => {
    const { dataDir, id } = await reviewWithBidi();
    const run = await runCli(['compare', id, 'v1', 'v2', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(run.stdout).toContain(`⟨RLO⟩fdp.exe⟨PDF⟩`);
  }, 120_000);

  it('writes them as \\u escapes in JSON, which reads back as the same text', async () => {
    const { dataDir, id } = await reviewWithBidi();
    const run = await runCli(['compare', id, 'v1', 'v2', '--json', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(run.stdout).toContain('\\u202e');
    expect(JSON.stringify(JSON.parse(run.stdout))).toContain(`${RLO}fdp.exe${PDF}`);
  }, 120_000);

  it('prints control characters that a review imported before they were removed still holds as visible marks', async () => {
    const { dataDir, id } = await reviewWithBidi();
    // Such a review was written by an older import: put the sequences into the stored text as it would have.
    const store = await new ReviewLibrary(dataDir).openReview(id);
    await store.mutate((review) => {
      const version = review.versions[1]!;
      const block = version.blocks[2]!;
      block.text = `\u001b]0;PWNED\u0007${block.text} \u001b[8mconcealed\u001b[0m \u009b2J`;
      version.text = composeVersionText(version.blocks).text;
      review.title = `Privacy\u001b]0;PWNED\u0007`;
    });
    await store.close();
    const printed: string[] = [];
    for (const args of [
      ['compare', id, 'v1', 'v2'],
      ['show', id],
      ['compare', id, 'v1', 'v2', '--json'],
      ['show', id, '--json'],
    ]) {
      const run = await runCli([...args, '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout, args.join(' ')).not.toMatch(TERMINAL_CONTROL);
      printed.push(run.stdout);
    }
    const [compared, shown] = printed;
    expect(compared).toContain('⟨ESC⟩]0;PWNED⟨BEL⟩');
    expect(compared).toContain('⟨ESC⟩[8mconcealed⟨ESC⟩[0m ⟨CSI⟩2J');
    expect(shown).toContain('Privacy⟨ESC⟩]0;PWNED⟨BEL⟩');
  }, 120_000);
});
