// A separate Node process for the storage tests:
//   node --import tsx review-child.ts MODE --data-dir DIR --review ID [--first N] [--count N] [--name NAME]
// It opens a review through the real ReviewLibrary, so a test can kill it, or let it hold the lock, from outside.
//   members:    opens the review once and adds committee members `NAME-FIRST`, `NAME-FIRST+1`, … (NAME defaults
//               to "member") until killed, printing `ack N` only after the write of NAME-N resolved, so every
//               acknowledged write must be on disk.
//   audit:      the same with audit entries whose summary is `entry-N`.
//   take-turns: COUNT times: opens the review; if it is writable, adds member NAME-N and prints `ack N`; closes
//               it again. Then exits. Two of these take turns with one review.
//   hold:       holds the review open until stdin closes, then exits normally without closing the store (the
//               lock must not outlive a normal exit).
//   commands:   holds the review open and does what each line on stdin says: `add NAME` adds a committee member
//               and prints `saved NAME` or `refused CODE MESSAGE`; `summary` prints `summary {title, members}`.
// members, audit, hold and commands first print `ready writable` or `ready read-only <reason>`.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { recordAudit } from '../../../shared/domain/reviews/audit';
import { systemClock } from '../../../shared/domain/clock';
import { isAppError } from '../../../shared/errors';
import type { Review } from '../../../shared/model';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    review: { type: 'string' },
    first: { type: 'string', default: '1' },
    count: { type: 'string', default: '100' },
    name: { type: 'string', default: 'member' },
  },
});
const [mode] = positionals;
const dataDir = values['data-dir'];
const reviewId = values.review;
if (!dataDir || !reviewId || !['members', 'audit', 'take-turns', 'hold', 'commands'].includes(mode ?? '')) {
  process.stderr.write(
    'usage: review-child.ts members|audit|take-turns|hold|commands --data-dir DIR --review ID [--first N] [--count N] [--name NAME]\n',
  );
  process.exit(64);
}

const addMember = (draft: Review, n: number) => {
  const now = new Date().toISOString();
  draft.committee.push({
    id: randomUUID(),
    name: `${values.name}-${n}`,
    role: 'member',
    createdAt: now,
    updatedAt: now,
  });
};
const addAuditEntry = (draft: Review, n: number) => {
  recordAudit(draft, { name: 'Crash test writer' }, systemClock, 'test.write', `entry-${n}`);
};

// When the parent goes away (stdin closes) this process ends too, so no writer outlives a failed test run.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));

const library = new ReviewLibrary(dataDir);

if (mode === 'take-turns') {
  for (let n = 1; n <= Number(values.count);) {
    const store = await library.openReview(reviewId);
    if (!store.readOnly) {
      await store.mutate((draft) => addMember(draft, n));
      process.stdout.write(`ack ${n}\n`);
      n++;
    }
    await library.closeReview(reviewId);
  }
  process.exit(0);
}

const store = await library.openReview(reviewId);
process.stdout.write(store.readOnly ? `ready read-only ${store.readOnlyReason ?? ''}\n` : 'ready writable\n');
if (mode === 'commands') {
  for await (const line of createInterface({ input: process.stdin })) {
    const [command = '', ...rest] = line.split(' ');
    if (command === 'summary') {
      process.stdout.write(
        `summary ${JSON.stringify({ title: store.review.title, members: store.review.committee.map((m) => m.name) })}\n`,
      );
    } else if (command === 'add') {
      const name = rest.join(' ');
      const now = new Date().toISOString();
      await store
        .mutate(
          (draft) =>
            void draft.committee.push({ id: randomUUID(), name, role: 'member', createdAt: now, updatedAt: now }),
        )
        .then(
          () => process.stdout.write(`saved ${name}\n`),
          (error: unknown) =>
            process.stdout.write(
              `refused ${isAppError(error) ? `${error.code} ${error.message}` : `unexpected ${String(error)}`}\n`,
            ),
        );
    }
  }
}
const change = store.readOnly
  ? undefined
  : mode === 'members'
    ? addMember
    : mode === 'audit'
      ? addAuditEntry
      : undefined;
if (change) {
  for (let n = Number(values.first); ; n++) {
    await store.mutate((draft) => change(draft, n));
    process.stdout.write(`ack ${n}\n`);
  }
}
