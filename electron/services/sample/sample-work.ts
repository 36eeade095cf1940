import type { Author, CommitteeRole, Severity, Verdict, VoteVerdict } from '../../../shared/model';

/**
 * What the sample review's made-up committee does with two versions of the project's own Riverton policy
 * (fixtures/policies/riverton-social-media): the passages they annotate, the verdicts, the action plan and their
 * votes. Each passage is named by its words, as a person names one on the command line; a passage no longer in
 * the fixture fails the sample's test, not a newcomer's first click.
 */

/** The files of the policy the sample imports, older first, with the label each version gets. */
export const SAMPLE_VERSIONS = [
  { fileName: 'v1.md', label: 'v1 (2021)' },
  { fileName: 'v2.md', label: 'v2 (2023)' },
] as const;

export const SAMPLE_TITLE = 'Sample: City of Riverton social media policy';

type MemberKey = 'chair' | 'legal' | 'privacy' | 'stakeholder';

export const SAMPLE_COMMITTEE: Record<MemberKey, Author & { role: CommitteeRole }> = {
  chair: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@riverton.example' },
  legal: { name: 'Jonas Berg', role: 'legal', email: 'jonas.berg@riverton.example' },
  privacy: { name: 'Lea Novak', role: 'privacy', email: 'lea.novak@riverton.example' },
  stakeholder: { name: 'Tomás Reyes', role: 'stakeholder', email: 'tomas.reyes@riverton.example' },
};

export interface SampleAnnotation {
  /** Names the annotation for the verdicts below. */
  key: string;
  by: MemberKey;
  /** 0: the older version (carried to the newer one before the verdicts), 1: the newer. */
  version: 0 | 1;
  quote: string;
  criterionIds: string[];
  severity: Severity;
  comment: string;
  reply?: { by: MemberKey; text: string };
}

export const SAMPLE_ANNOTATIONS: readonly SampleAnnotation[] = [
  {
    key: 'departmental-email',
    by: 'legal',
    version: 0,
    quote: 'must be linked to a departmental email address rather than a personal one',
    criterionIds: ['accounts.official-vs-personal'],
    severity: 'minor',
    comment: 'Good: an account stays with the City when its manager leaves. Say who keeps the recovery details.',
    reply: { by: 'chair', text: 'Agreed. The Communications Office keeps them in the password manager.' },
  },
  {
    key: 'second-factor',
    by: 'privacy',
    version: 0,
    quote: 'Two-step verification must be turned on wherever the platform supports it.',
    criterionIds: ['security.credentials-mfa'],
    severity: 'major',
    comment: 'A second factor should be required on every official account, not only where it is easy.',
  },
  {
    key: 'misinformation',
    by: 'stakeholder',
    version: 0,
    quote: 'which decides whether to respond',
    criterionIds: ['content.misinformation'],
    severity: 'info',
    comment: 'Residents asked how quickly the City answers a false claim. A target time would help.',
  },
  {
    key: 'ai-responsibility',
    by: 'legal',
    version: 1,
    quote: 'A person remains responsible for everything that is published.',
    criterionIds: ['content.ai-generated', 'content.publishing-approval'],
    severity: 'major',
    comment: 'Which person? Name the role that approves a post drafted with an AI tool.',
    reply: { by: 'stakeholder', text: 'The department’s account manager would be the natural choice.' },
  },
  {
    key: 'ai-personal-data',
    by: 'privacy',
    version: 1,
    quote:
      'Personal information, confidential information and unpublished City documents must never be entered into an AI tool.',
    criterionIds: ['content.ai-generated', 'privacy.data-protection-law'],
    severity: 'minor',
    comment: 'A clear rule. Add how staff report it when this happens by mistake.',
  },
  {
    key: 'listen-to-views',
    by: 'stakeholder',
    version: 1,
    quote: 'to listen to their views on City services',
    criterionIds: ['stakeholder.feedback-channels'],
    severity: 'minor',
    comment: 'The policy says the City listens but not how the views reach the departments.',
  },
];

export interface SampleVerdict {
  criterionId: string;
  verdict: Verdict;
  rationale: string;
  /** Keys of the annotations above that support it (on the newer version, carried ones included). */
  annotations: string[];
  actions?: { description: string; owner: MemberKey; dueInDays: number }[];
  votes: Partial<Record<MemberKey, VoteVerdict>>;
}

/** The committee's verdicts on the newer version, with their actions and the members' own votes. */
export const SAMPLE_VERDICTS: readonly SampleVerdict[] = [
  {
    criterionId: 'security.credentials-mfa',
    verdict: 'met',
    rationale: 'Multi-factor authentication is now required on every official account whose platform offers it.',
    annotations: ['second-factor'],
    votes: { chair: 'met', legal: 'met', privacy: 'met' },
  },
  {
    criterionId: 'accounts.official-vs-personal',
    verdict: 'met',
    rationale: 'Official accounts use departmental addresses; personal accounts may not pose as official ones.',
    annotations: ['departmental-email'],
    votes: { chair: 'met', legal: 'met' },
  },
  {
    criterionId: 'content.ai-generated',
    verdict: 'partial',
    rationale: 'Drafts made with AI are checked and labelled, but nobody is named to approve them.',
    annotations: ['ai-responsibility', 'ai-personal-data'],
    actions: [
      { description: 'Name the role that approves posts drafted with generative AI.', owner: 'legal', dueInDays: 30 },
    ],
    votes: { chair: 'partial', legal: 'not-met', privacy: 'partial', stakeholder: 'partial' },
  },
  {
    criterionId: 'stakeholder.feedback-channels',
    verdict: 'not-met',
    rationale: 'The policy promises to listen to residents but names no channel for their views.',
    annotations: ['listen-to-views'],
    actions: [
      {
        description: 'Describe how residents’ comments are passed to the departments and answered.',
        owner: 'stakeholder',
        dueInDays: -5,
      },
    ],
    votes: { chair: 'partial', stakeholder: 'not-met' },
  },
];
