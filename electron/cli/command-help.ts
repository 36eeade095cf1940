/**
 * What each command is for and how it is called, in the order help lists them. Apart from the commands, so that
 * `--help` (and `COMMAND --help`) print them without loading a command: together the commands load every library
 * of the app, and the contract's schemas alone take longer than Node takes to start.
 */
export const COMMAND_HELP = {
  new: {
    usage: 'policy-review new --title TITLE [--json] [--data-dir DIR]',
    summary: 'Create a review from the built-in checklist.',
  },
  list: {
    usage: 'policy-review list [--json] [--data-dir DIR]',
    summary: 'List the reviews in the library.',
  },
  show: {
    usage: 'policy-review show REVIEW [--json] [--data-dir DIR]',
    summary:
      'Show a review: its versions, committee, checklist size, and any damaged annotations or replies. Reads only; never writes.',
  },
  checklist: {
    usage: 'policy-review checklist REVIEW [--json] [--data-dir DIR]',
    summary: 'Print the review’s checklist, by category.',
  },
  import: {
    usage: 'policy-review import REVIEW FILE [--label LABEL] [--take-over-lock] [--json] [--data-dir DIR]',
    summary: 'Import a policy version (.txt, .md, .html, .docx, .pdf) into a review.',
  },
  annotate: {
    usage:
      'policy-review annotate REVIEW --version V --quote TEXT [--prefix P] [--suffix S] ' +
      '--criterion ID [--criterion ID] --severity info|minor|major|critical --comment TEXT ' +
      '[--take-over-lock] [--json] [--data-dir DIR]',
    summary:
      'Annotate a passage of a version, found by its words, against checklist criteria. The review must not be open in the app.',
  },
  assess: {
    usage:
      'policy-review assess REVIEW --version V --criterion ID --verdict ' +
      'met|partial|not-met|not-applicable [--rationale TEXT] [--take-over-lock] [--json] ' +
      '[--data-dir DIR]',
    summary: 'Record the verdict on one criterion for one version. The review must not be open in the app.',
  },
  vote: {
    usage:
      'policy-review vote REVIEW --version V --criterion ID --verdict ' +
      'met|partial|not-met|not-applicable [--rationale TEXT] [--take-over-lock] [--json] ' +
      '[--data-dir DIR]',
    summary:
      'Record your own vote (the member named in your settings) on one criterion for one ' +
      'version; voting again replaces it. The committee’s verdict is set with `assess`.',
  },
  votes: {
    usage: 'policy-review votes REVIEW --version V [--json] [--data-dir DIR]',
    summary:
      'Show each member’s vote per criterion for one version, beside the committee’s verdict, ' +
      'and how far the members agree (share agreeing, Fleiss’ kappa). Reads only.',
  },
  annotations: {
    usage: 'policy-review annotations REVIEW [--version V] [--json] [--data-dir DIR]',
    summary:
      'List the annotations of a review, or of one version, with their quotes and comments. Reads only; never writes.',
  },
  compare: {
    usage: 'policy-review compare REVIEW V1 V2 [--json] [--data-dir DIR]',
    summary:
      'Compare two versions block by block (unchanged, changed, added, removed, moved), with word diffs. Versions by id, start of id or label. Reads only.',
  },
  carry: {
    usage: 'policy-review carry REVIEW --from V1 --to V2 [--take-over-lock] [--json] [--data-dir DIR]',
    summary:
      'Carry the annotations of one version to another: anchored, moved, fuzzy (to confirm) or ' +
      'orphaned. Carrying again adds nothing twice. The review must not be open in the app.',
  },
  report: {
    usage: 'policy-review report REVIEW --format pdf|html|md|json|w3c --out FILE [--json] [--data-dir DIR]',
    summary:
      'Write the review’s report (PDF, HTML, Markdown, JSON) or its annotations as W3C Web ' +
      'Annotations (JSON-LD). The report is also kept with the review, to sign, unless the ' +
      'review is open in the app.',
  },
  identity: {
    usage: [
      'policy-review identity new --name N --role R [--email E] --passphrase-file F [--json] [--data-dir DIR]',
      'policy-review identity list [--json] [--data-dir DIR]',
      'policy-review identity export ID --out FILE [--data-dir DIR]',
      'policy-review identity import FILE.p12 --role R --passphrase-file F [--json] [--data-dir DIR]',
      'policy-review identity trust CERT [--json] [--data-dir DIR]',
    ].join('\n  '),
    summary:
      'Signing identities: make one (key pair and self-signed certificate), list them, export a ' +
      'certificate, import a PKCS #12 file, trust a colleague’s certificate.',
  },
  sign: {
    usage: 'policy-review sign FILE --identity ID --passphrase-file F [--meaning M] [--json] [--data-dir DIR]',
    summary:
      'Sign a report: a PDF gets an embedded PAdES signature (each signer in turn), a JSON ' +
      'report a detached JWS in FILE.jws. M says what the signature means: Reviewed (the ' +
      'default), Approved, Legal review, or your own words. A report kept with a review in the ' +
      'library (as exported, or as signed since) is recorded in it as a sign-off; any other file ' +
      'is signed but not recorded, and the command says why.',
  },
  package: {
    usage: [
      'policy-review package export REVIEW --out FILE [--identity ID --passphrase-file F] [--json] [--data-dir DIR]',
      'policy-review package open FILE [--json] [--data-dir DIR]',
    ].join('\n  '),
    summary:
      'Review packages between laptops: export a review as one .policyreview file (signed with your identity if ' +
      'you give one), or open one: a review not in this library is added under its own id, one already here ' +
      'takes the package’s work in (a merge).',
  },
  merge: {
    usage: 'policy-review merge REVIEW FILE [--take-over-lock] [--json] [--data-dir DIR]',
    summary:
      'Merge a package of this review into it: everything added on either side is kept, a change made on one ' +
      'side is taken, and the same field changed on both sides becomes a conflict for a person (see `conflicts`).',
  },
  conflicts: {
    usage: 'policy-review conflicts REVIEW [--json] [--data-dir DIR]',
    summary: 'List the conflicts merging left: each side’s value, who wrote it and when.',
  },
  resolve: {
    usage: 'policy-review resolve REVIEW CONFLICT --keep N|both [--take-over-lock] [--json] [--data-dir DIR]',
    summary:
      'Resolve a conflict by keeping one side (N as `conflicts` numbers them) or, for comments and rationales, both.',
  },
  verify: {
    usage: 'policy-review verify FILE [--trust CERT ...] [--json] [--data-dir DIR]',
    summary:
      'Check the signatures of a PDF or JSON report (its FILE.jws): who signed, when, whether ' +
      'the signed bytes are intact, what was changed after each signature beyond what signing ' +
      'adds, whether anything was added after the last signature, whether each signer’s ' +
      'certificate allowed the signature when it was made (validity, key usage, the chain to a ' +
      'trusted CA), and whether each signer is trusted (your identities, certificates you trust, ' +
      'or --trust CERT). Exits 0 only when every signature is intact, made with a certificate ' +
      'that allowed it, nothing was changed after any of them, and the last covers the whole ' +
      'file (or is followed by validation data only).',
  },
} as const satisfies Record<string, { usage: string; summary: string }>;

export type CommandName = keyof typeof COMMAND_HELP;
