import { AppError } from '../../../shared/errors';
import type { BlockChange } from '../../../shared/compare';
import type { Version } from '../../../shared/model';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { compareReviewVersions } from '../../../shared/domain/compare/version-pair';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliContext } from '../context';
import { COMMAND_HELP } from '../command-help';
import { resolveReviewId } from '../resolve-review';

export const compareCommand: CliCommand = {
  name: 'compare',
  ...COMMAND_HELP.compare,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {}, this.usage);
    const [reviewRef, fromRef, toRef] = positionals;
    if (!fromRef || !toRef)
      throw new AppError('E_INVALID_INPUT', `Name the review and two versions. Usage: ${this.usage}`);
    await withContext(values, io, async (ctx) =>
      printComparison(ctx, await resolveReviewId(ctx, reviewRef), fromRef, toRef),
    );
  },
};

async function printComparison(ctx: CliContext, reviewId: string, fromRef: string, toRef: string): Promise<void> {
  // Read, not opened: comparing takes no lock, so the app can go on editing the review meanwhile.
  const { review } = await ctx.call('reviews.read', { reviewId });
  const from = versionByReference(review, fromRef);
  const to = versionByReference(review, toRef);
  const { counts, blocks } = compareReviewVersions(review, from.id, to.id);
  if (ctx.json) return printJson(ctx, { ...counts, blocks: blocks.map((block) => withText(block, from, to)) });
  ctx.out(
    `“${from.label}” → “${to.label}”: ${counts.unchanged} unchanged, ${counts.changed} ` +
      `changed, ${counts.added} added, ${counts.removed} removed, ${counts.moved} moved.`,
  );
  for (const block of blocks) {
    if (block.kind === 'unchanged') continue;
    const fromMark = block.from ? `#${block.from.index + 1}` : '';
    const arrow = block.from && block.to ? ' → ' : block.to ? '→ ' : '';
    const toMark = block.to ? `#${block.to.index + 1}` : '';
    const where = `${fromMark}${arrow}${toMark}`;
    const kind = block.kind === 'moved' && block.edited ? 'moved, edited' : block.kind;
    ctx.out(`\n${kind} ${where}`);
    ctx.out(`  ${block.parts ? inlineDiff(block) : snippet(textOf(block, from, to) ?? '')}`);
  }
}

/** A block as printed in JSON: an added, removed or moved-as-is block carries its text (a changed one has its parts). */
function withText(block: BlockChange, from: Version, to: Version): BlockChange & { text?: string } {
  if (block.kind === 'unchanged' || block.parts) return block;
  const text = textOf(block, from, to);
  return text === undefined ? block : { ...block, text };
}

function textOf(block: BlockChange, from: Version, to: Version): string | undefined {
  if (block.to) return to.blocks[block.to.index]?.text;
  if (block.from) return from.blocks[block.from.index]?.text;
  return undefined;
}

/** The word diff the way `git diff --word-diff` prints it: [-removed-]{+added+}. */
function inlineDiff(block: BlockChange): string {
  return (block.parts ?? [])
    .map((part) =>
      part.kind === 'removed' ? `[-${part.text}-]` : part.kind === 'added' ? `{+${part.text}+}` : part.text,
    )
    .join('');
}

function snippet(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
