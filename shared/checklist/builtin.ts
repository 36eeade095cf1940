import type { Category } from '../model';

/**
 * The checklist that ships with the app: criteria a public-sector review committee uses to judge a
 * social-media policy or code of conduct. Ids are stable, so never rename one: add a new criterion and
 * bump the version in BUILTIN_CHECKLIST_ID instead.
 */
export const BUILTIN_CHECKLIST_ID = 'built-in:public-sector-social-media@1';

export interface CategoryInfo {
  id: Category;
  label: string;
  description: string;
}

export interface BuiltinCriterion {
  /** `<category>.<kebab-slug>`, valid against CriterionId. */
  id: string;
  category: Category;
  title: string;
  /** Answerable yes / partly / no by a reviewer reading the policy. */
  question: string;
  /** What to look for and what a good policy says. */
  guidance: string;
  /** Optional generic pointer to a standard or body of law. */
  reference?: string;
}

/** One entry per category, in CATEGORIES order. */
export const CATEGORY_INFO: readonly CategoryInfo[] = [
  {
    id: 'stakeholder',
    label: 'Stakeholders',
    description: 'How staff, the public and expert groups shaped the policy and can keep influencing it.',
  },
  {
    id: 'legal',
    label: 'Legal',
    description: 'Constitutional, ethics and intellectual-property duties that bind a public body online.',
  },
  {
    id: 'privacy',
    label: 'Privacy & data protection',
    description: 'Lawful handling of personal data about the public and about staff.',
  },
  {
    id: 'security',
    label: 'Security',
    description: 'Protection of official accounts against takeover, loss and misuse.',
  },
  {
    id: 'conduct',
    label: 'Conduct',
    description: 'What employees may and may not do online, at work and in their own name.',
  },
  {
    id: 'content',
    label: 'Content',
    description: 'Quality, accessibility and moderation of what is published and of public replies.',
  },
  {
    id: 'accounts',
    label: 'Accounts',
    description: 'Which accounts speak for the organisation, who runs them and on what terms.',
  },
  {
    id: 'records',
    label: 'Records',
    description: 'Keeping social-media content as public records and releasing it on request.',
  },
  {
    id: 'governance',
    label: 'Governance',
    description: 'Purpose, ownership, approval, training and upkeep of the policy itself.',
  },
];

export const BUILTIN_CRITERIA: readonly BuiltinCriterion[] = [
  // ---------------------------------------------------------------- stakeholder
  {
    id: 'stakeholder.consultation',
    category: 'stakeholder',
    title: 'Stakeholder and expert consultation',
    question: 'Was the policy drafted or revised in consultation with staff, legal experts and public-interest groups?',
    guidance:
      'Look for a note of who was consulted and when, e.g. staff representatives or unions, ' +
      'legal counsel, the data-protection officer and civil-society or accessibility groups. A ' +
      'good policy records the consultation and how the input changed the text.',
  },
  {
    id: 'stakeholder.staff-participation',
    category: 'stakeholder',
    title: 'Frontline staff participation',
    question: 'Does the policy give frontline employees who run or use social media a real say in its content?',
    guidance:
      'Check whether the people who moderate, post and answer the public helped write or test ' +
      'the rules, for instance through workshops or pilot periods. Rules written without them ' +
      'tend to be unworkable in daily practice.',
  },
  {
    id: 'stakeholder.feedback-channels',
    category: 'stakeholder',
    title: 'Feedback channels',
    question:
      'Does the policy name an accessible channel through which employees and the public can raise concerns or propose changes?',
    guidance:
      'A good policy names a mailbox, form or contact role, says that input is acknowledged, ' +
      'and explains how it feeds the next revision. Staff should be able to report problems ' +
      'without fear of reprisal.',
  },
  {
    id: 'stakeholder.public-transparency',
    category: 'stakeholder',
    title: 'Public availability of the rules',
    question: 'Is the policy, or a public summary of it, published where residents can read it?',
    guidance:
      'Residents should be able to see how the organisation uses social media, how comments are ' +
      'handled and how to complain. Look for a commitment to publish the policy or its ' +
      'public-facing parts on the organisation website.',
  },
  {
    id: 'stakeholder.benchmarking',
    category: 'stakeholder',
    title: 'Comparison with peer organisations',
    question: 'Does the policy show that comparable public bodies’ practices were considered?',
    guidance:
      'Look for evidence that the drafters compared their approach with other agencies or ' +
      'levels of government, or with sector guidance. This is good practice rather than a legal ' +
      'duty; a brief mention is enough.',
  },

  // ---------------------------------------------------------------- legal
  {
    id: 'legal.public-forum-limits',
    category: 'legal',
    title: 'Free-speech limits on a government forum',
    question:
      'Does the policy keep comment moderation viewpoint-neutral and forbid blocking or deleting users because of the opinions they express?',
    guidance:
      'When an official account allows public replies it may be treated as a public forum. ' +
      'Removal must rest on published, content-neutral rules (e.g. spam, threats, illegal ' +
      'content), never on criticism of the organisation or its officials. Check that blocking is ' +
      'a last resort and is documented.',
    reference: 'First Amendment public-forum doctrine (US) or national equivalent',
  },
  {
    id: 'legal.political-activity',
    category: 'legal',
    title: 'Political-activity rules',
    question:
      'Does the policy explain the restrictions on partisan political activity that apply to staff and to official accounts?',
    guidance:
      'A good policy states that official accounts never support parties or candidates, ' +
      'explains what staff may do in a personal capacity, and covers election or pre-election ' +
      'periods. It should point to the applicable law or civil-service rules.',
    reference: 'US Hatch Act / local political-activity rules',
  },
  {
    id: 'legal.intellectual-property',
    category: 'legal',
    title: 'Copyright and intellectual property',
    question:
      'Does the policy require that images, video, music and text are used only with the necessary rights or licences?',
    guidance:
      'Look for rules on crediting sources, licensing stock material, obtaining permission from ' +
      'photographers and on the licence under which the organisation’s own content is shared.',
  },
  {
    id: 'legal.endorsements-advertising',
    category: 'legal',
    title: 'Endorsements and paid promotion',
    question:
      'Does the policy prevent official accounts from endorsing commercial products or services and set rules for paid advertising?',
    guidance:
      'A good policy forbids implying government endorsement of a business, requires ' +
      'procurement and approval for paid promotion, and addresses sponsorships and influencer collaborations.',
    reference: 'US 5 CFR 2635.702 (use of public office for private gain) or local ethics rules',
  },
  {
    id: 'legal.platform-terms',
    category: 'legal',
    title: 'Third-party platform terms',
    question:
      'Does the policy require a legal check of a platform’s terms of service before the organisation joins it?',
    guidance:
      'Commercial terms may include clauses a public body cannot accept (indemnities, governing ' +
      'law, data transfers). Look for a process to review terms, use government-specific ' +
      'agreements where offered and reassess when terms change.',
  },

  // ---------------------------------------------------------------- privacy
  {
    id: 'privacy.data-protection-law',
    category: 'privacy',
    title: 'Compliance with data-protection law',
    question:
      'Does the policy identify the data-protection law that applies and how social-media use complies with it?',
    guidance:
      'Look for the lawful basis for processing personal data on platforms, the controller ' +
      'role, handling of data-subject requests, international transfers and a contact for the ' +
      'data-protection officer.',
    reference: 'GDPR / UK GDPR or applicable national data-protection law',
  },
  {
    id: 'privacy.consent',
    category: 'privacy',
    title: 'Consent for personal data and images',
    question:
      'Does the policy require informed consent before publishing photos, names or other personal data of members of the public or staff?',
    guidance:
      'A good policy says how consent is obtained and recorded, how it can be withdrawn, and ' +
      'adds stricter rules for children and vulnerable people (e.g. parental consent).',
    reference: 'GDPR Art. 6, 7 and 8 (lawful basis, consent, children)',
  },
  {
    id: 'privacy.impact-assessment',
    category: 'privacy',
    title: 'Privacy impact assessment',
    question:
      'Does the policy require a privacy impact assessment before new platforms, tools or high-risk uses of personal data are adopted?',
    guidance:
      'Check for a trigger (new platform, analytics or listening tool, live streaming, ' +
      'processing of sensitive data), a named owner and a requirement to review the assessment ' +
      'when the use changes.',
    reference: 'GDPR Art. 35 (DPIA)',
  },
  {
    id: 'privacy.staff-monitoring',
    category: 'privacy',
    title: 'Monitoring of staff only with notice and consent',
    question:
      'Does the policy limit any monitoring of employees’ social-media activity to what staff have been told about and, where required, agreed to?',
    guidance:
      'A good policy states what is monitored, why, by whom and for how long, gives staff prior ' +
      'notice, obtains consent or another lawful basis, and excludes covert monitoring of ' +
      'private accounts.',
    reference: 'GDPR Art. 88 (employment context) or national employment-privacy rules',
  },
  {
    id: 'privacy.direct-messages',
    category: 'privacy',
    title: 'Personal data received through messages and comments',
    question:
      'Does the policy tell staff how to handle personal or sensitive information that residents send through comments or direct messages?',
    guidance:
      'Look for instructions to move case-specific conversations to a secure channel, to avoid ' +
      'asking for personal details in public, and to delete or hide sensitive data posted publicly.',
  },
  {
    id: 'privacy.analytics-tracking',
    category: 'privacy',
    title: 'Analytics, tracking and social listening',
    question:
      'Does the policy set limits on analytics, tracking pixels and social-listening tools that collect data about the public?',
    guidance:
      'A good policy restricts collection to aggregate data needed for the purpose, forbids ' +
      'profiling individuals for their opinions, and explains the use in a privacy notice.',
  },

  // ---------------------------------------------------------------- security
  {
    id: 'security.credentials-mfa',
    category: 'security',
    title: 'Passwords and multi-factor authentication',
    question:
      'Does the policy require strong unique passwords, multi-factor authentication and controlled account recovery for official accounts?',
    guidance:
      'Look for a password manager or shared vault instead of shared passwords, MFA on every ' +
      'account, recovery email and phone numbers owned by the organisation (not a person), and a ' +
      'record of who holds access.',
    reference: 'NIST SP 800-63B (digital identity guidelines)',
  },
  {
    id: 'security.access-offboarding',
    category: 'security',
    title: 'Access control and offboarding',
    question:
      'Is access to official accounts granted on a least-privilege basis and removed promptly when staff change role or leave?',
    guidance:
      'A good policy keeps an access list, reviews it periodically, removes access and rotates ' +
      'credentials on departure, and uses individual logins through business tools where the ' +
      'platform allows it.',
  },
  {
    id: 'security.incident-response',
    category: 'security',
    title: 'Compromised-account response',
    question:
      'Does the policy set out what to do, and whom to contact at any hour, if an official account is hacked or impersonated?',
    guidance:
      'Look for steps to regain control, inform the security team and the platform, warn ' +
      'followers, preserve evidence and report fake accounts. An out-of-hours emergency contact ' +
      'should be named by role.',
  },
  {
    id: 'security.devices-apps',
    category: 'security',
    title: 'Devices and third-party apps',
    question:
      'Does the policy control which devices and third-party management apps may be connected to official accounts?',
    guidance:
      'A good policy requires approved, updated devices, reviews app permissions, and warns ' +
      'staff about phishing and malicious links received through social media.',
  },

  // ---------------------------------------------------------------- conduct
  {
    id: 'conduct.acceptable-use',
    category: 'conduct',
    title: 'Acceptable use linked to the code of conduct',
    question:
      'Does the policy define acceptable and unacceptable social-media use by employees and link it to the organisation’s code of conduct?',
    guidance:
      'Check that expectations for respectful, honest and professional behaviour are stated ' +
      'plainly, that work-time use is addressed, and that the policy refers to the code of ' +
      'conduct rather than contradicting it.',
  },
  {
    id: 'conduct.personal-expression',
    category: 'conduct',
    title: 'Personal expression of staff',
    question:
      'Does the policy respect employees’ right to express personal views while explaining when their posts can reflect on the organisation?',
    guidance:
      'A good policy avoids blanket bans, explains that speaking as a private citizen is ' +
      'protected, and gives practical examples of when a post could be read as official or could ' +
      'undermine confidence in impartial service.',
  },
  {
    id: 'conduct.role-disclosure',
    category: 'conduct',
    title: 'Disclosure of role and disclaimers',
    question:
      'Does the policy tell staff how to identify their role and make clear that personal posts are their own views?',
    guidance:
      'Look for guidance on disclaimers, on using a job title in a profile, and on not using official logos or email addresses for personal accounts.',
  },
  {
    id: 'conduct.confidentiality',
    category: 'conduct',
    title: 'Confidential and sensitive information',
    question:
      'Does the policy state what information employees must not share or comment on, such as confidential, case or security-sensitive matters?',
    guidance:
      'A good policy names the kinds of information covered (personal data, ongoing cases, ' +
      'procurement, internal deliberations, security details) and applies the rule to personal ' +
      'accounts and private groups too.',
  },
  {
    id: 'conduct.harassment',
    category: 'conduct',
    title: 'Harassment and cyberbullying',
    question:
      'Does the policy prohibit harassment and cyberbullying by staff and explain how staff targeted online are supported?',
    guidance:
      'Look for a clear ban on abusive behaviour, a reporting route, and duty-of-care measures ' +
      'for employees who face abuse or doxxing because of their work (e.g. support, escalation ' +
      'to police, removal of content).',
  },
  {
    id: 'conduct.violations',
    category: 'conduct',
    title: 'Consequences of violations',
    question:
      'Does the policy explain the consequences of breaching it and the fair procedure used before sanctions are applied?',
    guidance:
      'A good policy says that breaches are handled under existing disciplinary procedures, ' +
      'that sanctions are proportionate, and that employees are heard before a decision.',
  },

  // ---------------------------------------------------------------- content
  {
    id: 'content.accessibility',
    category: 'content',
    title: 'Accessible content',
    question:
      'Does the policy require published content to be accessible, for example alt text for images, captions for video and readable hashtags?',
    guidance:
      'Look for a named accessibility standard, rules for image descriptions, captions and ' +
      'transcripts, camel-case hashtags and sufficient colour contrast, and a way to get the ' +
      'information in another format.',
    reference: 'WCAG 2.1 AA; EN 301 549 (EU) / Section 508 (US)',
  },
  {
    id: 'content.moderation-procedure',
    category: 'content',
    title: 'Moderation of public comments',
    question:
      'Is there a documented procedure for reviewing, hiding or removing public comments that applies the published terms of use consistently?',
    guidance:
      'Check who moderates and when, what categories of content are removed (threats, spam, ' +
      'illegal content, personal data), whether decisions are logged, and how a user can contest ' +
      'a removal.',
  },
  {
    id: 'content.misinformation',
    category: 'content',
    title: 'Responding to misinformation',
    question:
      'Does the policy say how the organisation detects and responds to false or misleading information about its services?',
    guidance:
      'A good policy favours correcting with accurate, sourced information over deletion, sets ' +
      'who may respond and how quickly, and explains how the organisation corrects its own ' +
      'mistakes openly.',
  },
  {
    id: 'content.plain-language',
    category: 'content',
    title: 'Plain language',
    question: 'Is the policy itself, and the content it governs, expected to be written in clear, plain language?',
    guidance:
      'Look for short sentences, defined terms, examples and a summary for staff. Official posts should be understandable by a broad audience without jargon.',
  },
  {
    id: 'content.inclusive-language',
    category: 'content',
    title: 'Inclusive language and equality',
    question:
      'Does the policy require inclusive, non-discriminatory language and fair representation in official content?',
    guidance:
      'A good policy refers to the organisation’s equality duties, avoids stereotypes, and considers multilingual communities where relevant.',
  },
  {
    id: 'content.ai-generated',
    category: 'content',
    title: 'AI-generated content',
    question:
      'Does the policy set rules for using AI tools to create or edit posts, images or replies, including human review and labelling?',
    guidance:
      'Look for a requirement that a person checks AI output for accuracy and bias before ' +
      'publishing, that synthetic images or audio are labelled, and that personal or ' +
      'confidential data is not entered into external AI tools.',
    reference: 'EU AI Act Art. 50 (transparency obligations) or local guidance',
  },
  {
    id: 'content.publishing-approval',
    category: 'content',
    title: 'Publishing approval and accuracy checks',
    question: 'Does the policy define which posts need review or sign-off before publication?',
    guidance:
      'A good policy separates routine posts from sensitive ones (policy announcements, legal ' +
      'matters, sensitive topics) and names who checks accuracy and tone before they go out.',
  },

  // ---------------------------------------------------------------- accounts
  {
    id: 'accounts.official-vs-personal',
    category: 'accounts',
    title: 'Official versus personal accounts',
    question: 'Does the policy clearly distinguish official organisational accounts from employees’ personal accounts?',
    guidance:
      'Check that the policy defines each type, forbids running official business from personal ' +
      'accounts, says who owns an official account and its followers, and addresses hybrid ' +
      'accounts of senior officials.',
  },
  {
    id: 'accounts.inventory-approval',
    category: 'accounts',
    title: 'Approval of new accounts and account inventory',
    question:
      'Is creating a new official account subject to approval, and does the organisation keep an inventory of all its accounts?',
    guidance:
      'A good policy requires a business case and approval before an account is opened, records ' +
      'its owner and platform in a central register, and closes or archives dormant accounts.',
  },
  {
    id: 'accounts.terms-of-use',
    category: 'accounts',
    title: 'Published terms of use for the public',
    question:
      'Does each official account link to published terms of use that explain what comments are allowed and how moderation works?',
    guidance:
      'Look for a public comment policy covering prohibited content, how removals and blocking ' +
      'are handled, that the account is not monitored around the clock, and where to send formal ' +
      'requests or complaints.',
  },
  {
    id: 'accounts.identification',
    category: 'accounts',
    title: 'Identifiable and verified official accounts',
    question: 'Are official accounts clearly identified as belonging to the organisation and verified where possible?',
    guidance:
      'A good policy requires consistent naming and branding, platform verification or a link ' +
      'from the official website, and a note on how residents can confirm an account is genuine.',
  },

  // ---------------------------------------------------------------- records
  {
    id: 'records.retention',
    category: 'records',
    title: 'Records retention',
    question:
      'Does the policy treat social-media posts, comments and messages as records and apply a retention schedule to them?',
    guidance:
      'Check that the policy names the records schedule that applies, who captures content and ' +
      'how (export or archiving tool), and that platform retention is not relied on as the only copy.',
    reference: 'Applicable public-records / archives legislation and retention schedule',
  },
  {
    id: 'records.public-records-requests',
    category: 'records',
    title: 'Public-records and freedom-of-information requests',
    question:
      'Does the policy explain that social-media content, including business done on personal devices or accounts, may be disclosed under public-records laws?',
    guidance:
      'A good policy warns staff that work-related messages are disclosable wherever they are ' +
      'sent, and says how content is searched and produced when a request arrives.',
    reference: 'Freedom-of-information / public-records laws (e.g. US FOIA, UK FOIA 2000)',
  },
  {
    id: 'records.deleted-content',
    category: 'records',
    title: 'Archiving deleted posts and removed comments',
    question:
      'Does the policy require that deleted posts and removed or hidden comments are preserved with the reason for removal?',
    guidance:
      'Look for a rule that content is captured before deletion, that moderation decisions are ' +
      'logged with date and reason, and that legal holds override routine deletion.',
  },

  // ---------------------------------------------------------------- governance
  {
    id: 'governance.purpose-scope',
    category: 'governance',
    title: 'Purpose and scope',
    question:
      'Does the policy state its purpose and define whom and what it covers, such as staff, contractors, platforms and types of account?',
    guidance:
      'A good policy explains why it exists and how it serves the organisation’s public mission ' +
      'and values, lists who is covered (employees, contractors, volunteers, elected officials ' +
      'if relevant) and which platforms and uses fall within scope.',
  },
  {
    id: 'governance.roles-approval',
    category: 'governance',
    title: 'Roles, responsibilities and approval',
    question:
      'Does the policy assign clear roles and responsibilities, including who approves the policy, official accounts and sensitive posts?',
    guidance:
      'Look for named roles (communications lead, account managers, legal, privacy, IT ' +
      'security, line managers), what each is accountable for, and who formally approved this version.',
  },
  {
    id: 'governance.management-leadership',
    category: 'governance',
    title: 'Management support and accountability',
    question:
      'Does the policy require managers to promote the rules, set expectations and handle concerns raised by staff?',
    guidance:
      'A good policy makes managers responsible for explaining the rules to their teams, ' +
      'discussing problems regularly and setting an example in their own online behaviour.',
  },
  {
    id: 'governance.training',
    category: 'governance',
    title: 'Training and awareness',
    question:
      'Does the policy require training on the rules for all staff, with additional training for those who run official accounts?',
    guidance:
      'Look for training at onboarding and at regular intervals, covering conduct, privacy, ' +
      'security and the consequences of breaches, with practical examples. Records of completion ' +
      'are a plus.',
  },
  {
    id: 'governance.crisis-communication',
    category: 'governance',
    title: 'Crisis and emergency communication',
    question:
      'Does the policy include a plan for using social media during emergencies and crises, including approvals and pausing scheduled posts?',
    guidance:
      'A good policy names who speaks for the organisation in a crisis, shortens the approval ' +
      'path, coordinates with partner agencies, pauses scheduled content and monitors channels ' +
      'for urgent requests and rumours.',
  },
  {
    id: 'governance.review-cycle',
    category: 'governance',
    title: 'Review cycle with owner and date',
    question: 'Does the policy name an owner, a version date and a fixed interval or trigger for its next review?',
    guidance:
      'Look for a document owner by role, the date of approval, a planned review date (e.g. ' +
      'annually) and triggers such as new laws, platforms or incidents. A change log is good practice.',
  },
];

/** Required checklist topics and the criteria that cover each one. */
export const BUILTIN_TOPIC_COVERAGE: Readonly<Record<string, readonly string[]>> = {
  'purpose-scope': ['governance.purpose-scope'],
  'roles-approval': ['governance.roles-approval', 'content.publishing-approval', 'accounts.inventory-approval'],
  'official-vs-personal-accounts': ['accounts.official-vs-personal', 'conduct.role-disclosure'],
  'personal-expression': ['conduct.personal-expression', 'conduct.role-disclosure'],
  'acceptable-use-conduct': ['conduct.acceptable-use', 'conduct.violations'],
  confidentiality: ['conduct.confidentiality'],
  'records-retention': ['records.retention', 'records.public-records-requests', 'records.deleted-content'],
  'terms-of-use-moderation': ['accounts.terms-of-use', 'content.moderation-procedure'],
  'free-speech-limits': ['legal.public-forum-limits'],
  'political-activity': ['legal.political-activity'],
  accessibility: ['content.accessibility'],
  'data-protection-law': ['privacy.data-protection-law'],
  consent: ['privacy.consent'],
  'privacy-impact-assessment': ['privacy.impact-assessment'],
  'staff-monitoring-notice-consent': ['privacy.staff-monitoring'],
  'account-security': ['security.credentials-mfa', 'security.access-offboarding', 'security.incident-response'],
  misinformation: ['content.misinformation'],
  'harassment-cyberbullying': ['conduct.harassment'],
  'crisis-communication': ['governance.crisis-communication'],
  training: ['governance.training'],
  'feedback-channels': ['stakeholder.feedback-channels'],
  'review-cycle': ['governance.review-cycle'],
  consultation: ['stakeholder.consultation', 'stakeholder.staff-participation'],
};
