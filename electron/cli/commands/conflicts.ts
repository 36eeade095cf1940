import { formatDateTime } from '../../../shared/report';
import { COMMAND_HELP } from '../command-help';
import { parseCommandArgs, printJson, withContext, type CliCommand } from '../context';
import { resolveReviewId } from '../resolve-review';

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  ...COMMAND_HELP.conflicts,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {}, this.usage);
    await withContext(values, io, async (ctx) => {
      const reviewId = await resolveReviewId(ctx, positionals[0]);
      const conflicts = await ctx.call('conflicts.list', { reviewId });
      if (ctx.json)
        return printJson(
          ctx,
          conflicts.map(({ id, record, field, values: sides }) => ({
            id,
            record,
            field,
            values: sides.map(({ value, author, at }) => ({ value, author: author ?? null, at: at ?? null })),
          })),
        );
      if (conflicts.length === 0) return ctx.out('No conflicts to resolve.');
      ctx.out(`${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} to resolve:`);
      for (const conflict of conflicts) {
        ctx.out(`\n${conflict.id}\n  ${conflict.recordLabel}: ${conflict.fieldLabel}`);
        conflict.values.forEach((side, i) => {
          const who = side.author ? `${side.author.name}` : 'someone';
          const when = side.at ? `, ${formatDateTime(side.at)}` : '';
          ctx.out(`  --keep ${i}  ${who}${when}: ${oneLine(side.text)}`);
        });
        if (conflict.canKeepBoth) ctx.out('  --keep both  keeps both, one after the other');
      }
      ctx.out(`\nResolve one with \`policy-review resolve ${reviewId} CONFLICT --keep N\`.`);
    });
  },
};

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
