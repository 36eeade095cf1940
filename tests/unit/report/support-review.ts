// A realistic review built as data (two Riverton versions, a committee, annotations, verdicts, actions and a
// sign-off), saved through ReviewLibrary.create: the report and signing tests work on it without depending on
// the annotation and assessment services.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { targetForRange } from '../../../shared/anchoring';
import { composeVersionText } from '../../../shared/document';
import {
  Review,
  type Annotation,
  type Assessment,
  type Author,
  type Member,
  type RichText,
  type Version,
  type VoteVerdict,
} from '../../../shared/model';
import { parseDocument } from '../../../electron/services/import/parse-document';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { systemClock } from '../../../shared/domain/clock';
import { recordVote } from '../../../shared/domain/votes/record-vote';
import { assembleBlocks } from '../../../electron/services/import/import-version';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const RIVERTON = `${REPO}/fixtures/policies/riverton-social-media`;
export const TEST_IDENTITY = `${REPO}/fixtures/identities`;

/** A version as the import makes it, from one of the Riverton Markdown fixtures. */
export async function rivertonVersion(
  name: 'v1' | 'v2' | 'v3',
  label: string,
  effectiveDate: string,
  importedAt: string,
): Promise<Version> {
  const fileName = `${name}.md`;
  const bytes = await readFile(`${RIVERTON}/${fileName}`);
  const parsed = await parseDocument('markdown', bytes, { fileName, limits: DEFAULT_IMPORT_LIMITS });
  const blocks = assembleBlocks(parsed.blocks);
  return {
    id: randomUUID(),
    label,
    effectiveDate,
    importedAt,
    importedBy: { name: 'Ana Díaz', role: 'chair' },
    source: {
      fileName,
      mediaType: 'text/markdown',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    },
    blocks,
    text: composeVersionText(blocks).text,
    warnings: [],
  };
}

export function comment(...paragraphs: (string | { list: string[]; ordered?: boolean })[]): RichText {
  return {
    root: {
      type: 'root',
      children: paragraphs.map((p) =>
        typeof p === 'string'
          ? { type: 'paragraph', children: [{ type: 'text', text: p }] }
          : {
              type: 'list',
              listType: p.ordered ? 'number' : 'bullet',
              children: p.list.map((item) => ({ type: 'listitem', children: [{ type: 'text', text: item }] })),
            },
      ),
    },
  };
}

const AT = '2025-03-10T09:30:00.000Z';

export const COMMITTEE: Author[] = [
  { name: 'Ana Díaz', role: 'chair', email: 'ana.diaz@riverton.example' },
  { name: 'Ben Okafor', role: 'legal', email: 'ben.okafor@riverton.example' },
  { name: 'Chen Wei', role: 'privacy' },
  { name: 'Dana Smith', role: 'stakeholder' },
];

/**
 * The Riverton review after a workshop on version 2: annotations on both versions (one carried forward, one with
 * replies, one on two criteria, one whose comment tries to be markup), verdicts with rationales on a dozen
 * criteria, actions (one overdue, one done), members' votes on three criteria (two of them dissenting) and an
 * earlier sign-off. Valid against the review schema.
 */
export async function rivertonReview(): Promise<Review> {
  const review = newReviewDocument('City of Riverton — Social Media Policy', COMMITTEE[0]!, systemClock);
  review.createdAt = '2025-03-01T08:00:00.000Z';
  review.committee = COMMITTEE.map((a): Member => ({
    id: randomUUID(),
    name: a.name,
    role: a.role ?? 'member',
    ...(a.email ? { email: a.email } : {}),
    createdAt: AT,
    updatedAt: AT,
  }));
  const [ana, ben, chen, dana] = COMMITTEE as [Author, Author, Author, Author];
  const v1 = await rivertonVersion('v1', 'Policy 2021', '2021-03-01', '2025-03-01T08:10:00.000Z');
  const v2 = await rivertonVersion('v2', 'Policy 2023 (draft for adoption)', '2023-06-15', '2025-03-01T08:12:00.000Z');
  review.versions.push(v1, v2);

  const annotate = (
    version: Version,
    phrase: string,
    criterionIds: string[],
    severity: Annotation['severity'],
    author: Author,
    body: RichText,
    extra: Partial<Annotation> = {},
  ): Annotation => {
    const start = version.text.indexOf(phrase);
    if (start < 0) throw new Error(`“${phrase}” is not in ${version.label}`);
    const annotation: Annotation = {
      id: randomUUID(),
      versionId: version.id,
      target: targetForRange(version.text, version.id, { start, end: start + phrase.length }),
      criterionIds,
      severity,
      status: 'open',
      body,
      author,
      createdAt: AT,
      updatedAt: AT,
      replies: [],
      anchorState: 'anchored',
      ...extra,
    };
    review.annotations.push(annotation);
    return annotation;
  };

  const old = annotate(
    v1,
    'Two-step verification',
    ['security.credentials-mfa'],
    'major',
    ben,
    comment('Two-step verification should be required on every account, not recommended.'),
  );
  const mfa = annotate(
    v2,
    'Multi-factor authentication',
    ['security.credentials-mfa'],
    'minor',
    ben,
    comment('Better: now required. Say which methods are allowed.'),
    { carriedFrom: old.id, anchorState: 'fuzzy' },
  );
  const ai = annotate(
    v2,
    'Personal information, confidential information and unpublished City documents must never be entered into an AI tool.',
    ['content.ai-generated', 'privacy.data-protection-law'],
    'critical',
    chen,
    comment('The AI rules do not say which tools are approved or how their use is logged.', {
      list: ['Name the approved tools.', 'Log every use on official accounts.'],
      ordered: true,
    }),
  );
  ai.replies.push({
    id: randomUUID(),
    body: comment('Agreed; IT keeps the list. We should link it.'),
    author: ana,
    createdAt: '2025-03-10T10:00:00.000Z',
    updatedAt: '2025-03-10T10:00:00.000Z',
  });
  const forum = annotate(
    v2,
    'Official accounts that allow comments are limited public forums.',
    ['legal.public-forum-limits'],
    'info',
    ben,
    comment('Correct statement of the law; keep it.'),
    { status: 'resolved' },
  );
  const retention = annotate(
    v2,
    'Departments must not rely on the platforms themselves to keep records.',
    ['records.retention'],
    'major',
    dana,
    comment('Who checks that the archive actually captures every account?'),
  );
  const hostile = annotate(
    v2,
    'be accurate, courteous and respectful',
    ['conduct.acceptable-use'],
    'minor',
    dana,
    comment(
      '<script>alert("x")</script> **not bold** # not a heading | not a cell',
      'Staff asked for examples of “courteous” — the word alone is vague 🙂.',
    ),
  );
  const consent = annotate(
    v2,
    'obtaining written consent before publishing photographs of identifiable people',
    ['privacy.consent'],
    'major',
    chen,
    comment('Children need a parent’s consent; say so.'),
  );
  annotate(
    v2,
    'must make clear that they speak for themselves',
    ['conduct.personal-expression', 'conduct.role-disclosure'],
    'minor',
    ana,
    comment('Fine, but add the disclosure wording used on the City intranet.'),
    { status: 'wontfix' },
  );

  const verdict = (
    criterionId: string,
    v: Assessment['verdict'],
    rationale: string,
    author: Author,
    annotationIds: string[] = [],
    actions: Assessment['actions'] = [],
  ): void => {
    review.assessments.push({
      id: randomUUID(),
      versionId: v2.id,
      criterionId,
      verdict: v,
      rationale,
      annotationIds,
      author,
      createdAt: AT,
      updatedAt: AT,
      actions,
    });
  };
  const member = (name: string) => review.committee.find((m) => m.name === name)!.id;
  const action = (description: string, owner: string, dueDate: string, status: 'open' | 'done' = 'open') => ({
    id: randomUUID(),
    description,
    ownerId: member(owner),
    dueDate,
    status,
    createdAt: AT,
    updatedAt: AT,
  });
  verdict(
    'security.credentials-mfa',
    'met',
    'Multi-factor authentication is now required for every official account.',
    ben,
    [mfa.id],
  );
  verdict(
    'content.ai-generated',
    'partial',
    'The policy limits what goes into AI tools but not which tools may be used.\n\nThe labelling rule for generated images is good.',
    chen,
    [ai.id],
    [action('Add the list of approved AI tools and a usage log to Section 5.', 'Chen Wei', '2025-02-28')],
  );
  verdict(
    'privacy.consent',
    'not-met',
    'Consent for photographs of children is missing.',
    chen,
    [consent.id],
    [
      action('Add parental consent for photographs of minors.', 'Ben Okafor', '2025-06-30'),
      action('Check the consent form with the Data Protection Officer.', 'Chen Wei', '2025-04-15', 'done'),
    ],
  );
  verdict(
    'legal.public-forum-limits',
    'met',
    'Section 8 quotes the Municipal Code and limits removal to published rules.',
    ben,
    [forum.id],
  );
  verdict(
    'records.retention',
    'partial',
    'Retention is covered, but nobody is named to check the archive.',
    dana,
    [retention.id],
    [action('Name the archive owner in Section 7.', 'Dana Smith', '2025-05-31')],
  );
  verdict('conduct.acceptable-use', 'met', 'Clear list of expectations.', dana, [hostile.id]);
  verdict('accounts.inventory-approval', 'met', 'Section 2.3 has a four-step approval and a register.', ana);
  verdict('governance.purpose-scope', 'met', 'Purpose and scope are clear.', ana);
  verdict('governance.training', 'not-applicable', 'Training is governed by the HR training policy.', ana);
  verdict(
    'stakeholder.consultation',
    'not-met',
    'No record of consultation with staff or the public.',
    dana,
    [],
    [action('Hold a consultation with frontline staff and publish a summary.', 'Dana Smith', '2025-09-30')],
  );
  // Members' own votes on three criteria: all agree on one, and one vote on each of the others dissents.
  const vote = (by: Author, criterionId: string, verdict: VoteVerdict, rationale = '') =>
    recordVote(review, { versionId: v2.id, criterionId, verdict, rationale }, by, systemClock);
  vote(ana, 'privacy.consent', 'not-met');
  vote(ben, 'privacy.consent', 'not-met', 'No consent for minors at all.');
  vote(chen, 'privacy.consent', 'partial', 'Consent is asked for adults, only minors are missing.');
  vote(dana, 'privacy.consent', 'not-met');
  for (const by of [ana, ben, chen]) vote(by, 'security.credentials-mfa', 'met');
  vote(ben, 'content.ai-generated', 'partial');
  vote(chen, 'content.ai-generated', 'not-met', 'Without a list of approved tools the rule cannot be checked.');
  vote(dana, 'content.ai-generated', 'partial');
  review.signoffs.push({
    id: randomUUID(),
    signer: ana,
    meaning: 'Reviewed',
    reportFile: 'city-of-riverton-social-media-policy-report-2025-02-01.pdf',
    reportSha256: 'a'.repeat(64),
    signedAt: '2025-02-01T16:00:00.000Z',
  });
  return Review.parse(review);
}

/** The Riverton review saved in a fresh library in `dataDir`. */
export async function rivertonLibrary(dataDir: string): Promise<{ library: ReviewLibrary; review: Review }> {
  const library = new ReviewLibrary(dataDir);
  const review = await rivertonReview();
  await library.create(review);
  return { library, review };
}
