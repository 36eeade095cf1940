import { AppError } from '../../../shared/errors';
import { ANCHOR_STATES } from '../../../shared/model';
import { ANCHOR_STATE_LABELS } from '../../../shared/vocabulary';
import { versionByReference } from '../../../shared/domain/annotations/version-reference';
import { carryChange } from '../../../shared/domain/compare/carry-annotations';
import { applyChange } from '../../services/api/mutate-review';
import { actorFromSettings } from '../../services/settings/actor';
import { contextFor, parseCommandArgs, printJson, type CliCommand } from '../context';
import { TAKE_OVER_LOCK_OPTION } from '../command-options';
import { openForChange } from '../open-for-change';
import { resolveReviewId } from '../resolve-review';

export const carryCommand: CliCommand = {
  name: 'carry',
  usage: 'policy-review carry REVIEW --from V1 --to V2 [--take-over-lock] [--json] [--data-dir DIR]',
  summary: 'Carry the annotations of one version to another: anchored, moved, fuzzy (to confirm) or orphaned. Carrying again adds nothing twice. The review must not be open in the app.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { from: { type: 'string' }, to: { type: 'string' }, ...TAKE_OVER_LOCK_OPTION }, this.usage);
    if (!values.from || !values.to) throw new AppError('E_INVALID_INPUT', `Name both versions with --from and --to. Usage: ${this.usage}`);
    const ctx = contextFor(values, io);
    const reviewId = await resolveReviewId(ctx.library, positionals[0]);
    const actor = actorFromSettings((await ctx.settings()).settings);
    const { outcome, from, to, quotes } = await openForChange(ctx.library, reviewId, { takeOverLock: values['take-over-lock'], actor: async () => actor }, async (store) => {
      const from = versionByReference(store.review, values.from);
      const to = versionByReference(store.review, values.to);
      const outcome = await applyChange(store, carryChange(from.id, to.id, actor));
      const made = new Map(store.review.annotations.map((a) => [a.id, a.target.selector[0].exact]));
      return { outcome, from, to, quotes: outcome.carried.map((c) => made.get(c.annotationId) ?? '') };
    });
    if (ctx.json) return printJson(ctx, { ...outcome.counts, alreadyCarried: outcome.alreadyCarried, carried: outcome.carried });
    const { moved, fuzzy, orphaned } = outcome.counts;
    const already = outcome.alreadyCarried ? ` ${outcome.alreadyCarried} were already carried.` : '';
    const counts = ANCHOR_STATES.map((state) => `${outcome.counts[state]} ${ANCHOR_STATE_LABELS[state].toLowerCase()}`).join(', ');
    ctx.out(`Carried ${outcome.carried.length} annotation${outcome.carried.length === 1 ? '' : 's'} from “${from.label}” to “${to.label}”: ${counts}.${already}`);
    if (moved + fuzzy + orphaned > 0) ctx.out('Moved annotations and those whose text changed wait for a person to confirm them; orphaned ones are kept and can be re-attached in the app.');
    for (const [index, carried] of outcome.carried.entries()) {
      const quote = (quotes[index] ?? '').replace(/\s+/g, ' ');
      ctx.out(`  ${carried.annotationId}  ${ANCHOR_STATE_LABELS[carried.anchorState].padEnd(12)}  “${quote.length > 70 ? `${quote.slice(0, 69)}…` : quote}”`);
    }
  },
};
