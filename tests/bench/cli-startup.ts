import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'electron/cli/bin.mjs');

/** Whole-process runs per command: start-up is what is measured, so every run is a fresh `node`. */
const RUNS = 7;

/** Wall time of one whole process, in ms; a failed run stops the benchmark (a fast wrong answer is no figure). */
function run(args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} failed (exit code ${result.status}): ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function medianMs(args: string[]): number {
  run(args); // Once to fill the file system's cache, as a person's second command finds it.
  return Math.round(
    percentile(
      Array.from({ length: RUNS }, () => run(args).ms),
      50,
    ),
  );
}

/**
 * How long the `policy-review` command takes to start and answer, as whole processes, against a bare
 * `node -e 0` measured in the same run: the ratio is the figure, since absolute times move with the machine.
 */
export async function benchCliStartup(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'prw-bench-cli-'));
  try {
    const made = JSON.parse(run([bin, 'new', '--title', 'Start-up bench', '--json', '--data-dir', dataDir]).stdout) as {
      id: string;
    };
    const node = medianMs(['-e', '0']);
    const commands: Record<string, string[]> = {
      help: [bin, '--help'],
      list: [bin, 'list', '--data-dir', dataDir],
      show: [bin, 'show', made.id, '--data-dir', dataDir],
      checklist: [bin, 'checklist', made.id, '--data-dir', dataDir],
    };
    const figures: Record<string, unknown> = { runs: RUNS, nodeMs: node };
    for (const [name, args] of Object.entries(commands)) {
      const ms = medianMs(args);
      figures[name] = { ms, timesNode: Math.round((ms / node) * 100) / 100 };
    }
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
