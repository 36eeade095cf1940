import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real read-only folders, full disks and other computers' names for the storage tests, without mocks. Root ignores file permissions
 * (CI runs as root), so a chmod cannot make a folder unwritable there. Instead a child process gets a mount
 * namespace of its own (util-linux `unshare`), where a folder is bind-mounted read-only or a small tmpfs is
 * filled to the last byte, and it may have a host name of its own (a UTS namespace); the rest of the machine never
 * sees those mounts or names, and they go when the child ends.
 * An unprivileged user namespace is tried first (works for any user where the kernel allows it), then a plain
 * mount namespace (root only).
 */
export type MountSupport = { available: true; unshare: string[] } | { available: false; why: string };

export const privateMounts: MountSupport = probe();

function probe(): MountSupport {
  const dir = mkdtempSync(join(tmpdir(), 'policy-review-mount-probe-'));
  const failures: string[] = [];
  try {
    const tries = [
      ['--user', '--map-root-user', '--mount', '--uts'],
      ...(process.getuid?.() === 0 ? [['--mount', '--uts']] : []),
    ];
    for (const flags of tries) {
      const script =
        `mount -t tmpfs -o size=64k tmpfs ${quote(dir)} && mount ` +
        `--bind ${quote(dir)} ${quote(dir)} && mount -o remount,bind,ro ${quote(dir)} && hostname probe`;
      const run = spawnSync('unshare', [...flags, 'sh', '-c', script], { encoding: 'utf8', timeout: 10_000 });
      if (run.status === 0) return { available: true, unshare: ['unshare', ...flags] };
      failures.push(
        `\`unshare ${flags.join(' ')}\`: ${(run.error?.message ?? run.stderr).trim() || `exit ${run.status}`}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    available: false,
    why:
      `this machine gives no process a mount namespace of its own (${failures.join('; ')}), so ` +
      `a read-only folder or a full disk cannot be made for one test without changing the whole machine`,
  };
}

/** The command line that runs `argv` in a mount namespace of its own, after the shell `setup` ran there. */
export function inPrivateMounts(setup: string, argv: string[]): string[] {
  if (!privateMounts.available) throw new Error(`no private mounts here: ${privateMounts.why}`);
  return [...privateMounts.unshare, 'sh', '-c', `set -e\n${setup}\nexec "$@"`, 'sh', ...argv];
}

/** Setup: the process runs under another computer's name. */
export function hostNamed(name: string): string {
  return `hostname ${quote(name)}`;
}

/** Setup: `dir` becomes read-only (a read-only bind mount of itself). */
export function readOnlyFolder(dir: string): string {
  return `mount --bind ${quote(dir)} ${quote(dir)}\nmount -o remount,bind,ro ${quote(dir)}`;
}

/**
 * Setup: `dir` becomes a disk of `sizeKb` KB (a tmpfs) holding a copy of `seed`'s files; with `fill`, a file
 * named `filler` then takes all its free space but `leaveBytes`.
 */
export function smallDisk(dir: string, seed: string, sizeKb: number, fill?: { leaveBytes: number }): string {
  const lines = [
    `mount -t tmpfs -o size=${sizeKb}k tmpfs ${quote(dir)}`,
    `cp -a ${quote(`${seed}/.`)} ${quote(`${dir}/`)}`,
  ];
  if (fill) {
    lines.push(`dd if=/dev/zero of=${quote(`${dir}/filler`)} bs=4096 2>/dev/null || true`);
    if (fill.leaveBytes > 0) lines.push(`truncate -s -${fill.leaveBytes} ${quote(`${dir}/filler`)}`);
  }
  return lines.join('\n');
}

/** A path as the process `pid` sees it, in its own mount namespace (through /proc, without entering it). */
export function seenBy(pid: number, path: string): string {
  return `/proc/${pid}/root${path}`;
}

/**
 * The command line that runs `argv` where file permissions apply to it. As root, through util-linux `setpriv`, the
 * process keeps its user but loses the capabilities that let root ignore permissions (CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER), so a folder with mode 0555 is closed to it even though root owns it. Running it as
 * another user (`nobody`) would do the same but needs every folder above the checkout to be open to that user, which
 * a clone in a private temporary folder (mode 0700) is not. As anyone else, unchanged.
 */
export function asUnprivilegedUser(argv: string[]): string[] {
  if (process.getuid?.() !== 0) return argv;
  return ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner', ...argv];
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
