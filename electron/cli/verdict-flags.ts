import { AppError } from '../../shared/errors';
import { VOTE_VERDICTS } from '../../shared/model';
import { TAKE_OVER_LOCK_OPTION } from './command-options';
import { parseCommandArgs } from './context';

/**
 * The flags of a command that records a verdict on one criterion of one version (`assess` for the committee,
 * `vote` for a member): the criterion is required and the verdict is one a person records, never “unreviewed”
 * (the absence of one).
 */
export function parseVerdictFlags(argv: string[], usage: string) {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      version: { type: 'string' },
      criterion: { type: 'string' },
      verdict: { type: 'string' },
      rationale: { type: 'string' },
      ...TAKE_OVER_LOCK_OPTION,
    },
    usage,
  );
  const criterionId = values.criterion;
  if (!criterionId)
    throw new AppError(
      'E_INVALID_INPUT',
      `--criterion is required (\`policy-review checklist REVIEW\` lists the ids). Usage: ${usage}`,
    );
  const verdict = VOTE_VERDICTS.find((v) => v === values.verdict);
  if (!verdict)
    throw new AppError('E_INVALID_INPUT', `--verdict must be one of: ${VOTE_VERDICTS.join(', ')}. Usage: ${usage}`);
  return { values, positionals, criterionId, verdict };
}
