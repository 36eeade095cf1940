import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../electron/cli/bin.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `policy-review` command, as a person would, in its own process. `launch` may wrap the command,
 * e.g. to run it in a mount namespace of its own (see private-mounts.ts).
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  launch: (argv: string[]) => string[] = (argv) => argv,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const [command = process.execPath, ...commandArgs] = launch([process.execPath, bin, ...args]);
    const child = spawn(command, commandArgs, { env: { ...process.env, POLICY_REVIEW_DATA_DIR: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
