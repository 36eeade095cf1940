import { SEVERITY_LABELS } from '../../../shared/vocabulary';
import { describe, expect, it } from 'vitest';
import {
  buildReportModel,
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
  reportSections,
  type ReportModel,
} from '../../../shared/report';
import { rivertonReview } from './support-review';

const OPTIONS = {
  generatedAt: '2025-03-14T10:00:00.000Z',
  generatedBy: { name: 'Ana Díaz', role: 'chair' as const },
  generator: 'Policy Review Workstation test',
};

async function riverton(): Promise<ReportModel> {
  const review = await rivertonReview();
  review.title = 'Riverton "Social" <Media> Policy & </style> code';
  return buildReportModel(review, {
    ...OPTIONS,
    compare: () => ({
      counts: { unchanged: 78, changed: 21, added: 6, removed: 2, moved: 1 },
      touchedCriterionIds: ['security.credentials-mfa'],
      passages: [
        {
          kind: 'changed',
          parts: [
            { kind: 'equal', text: 'Use ' },
            { kind: 'removed', text: '<b>two-step</b>' },
            { kind: 'added', text: 'multi-factor' },
          ],
        },
      ],
    }),
  });
}

describe('HTML report', () => {
  it('escapes every string from the review: a comment that looks like markup stays text', async () => {
    const html = renderReportHtml(await riverton());
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;two-step&lt;/b&gt;');
    expect(html).toContain('Riverton &quot;Social&quot; &lt;Media&gt; Policy &amp; &lt;/style&gt; code');
    // The title in the stylesheet's running header cannot close the style element or its string.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).not.toMatch(/<\/style/i);
    expect(style).toContain(
      '@top-left { content: "Riverton \\22 Social\\22  \\3c Media\\3e  Policy & \\3c /style\\3e  code"',
    );
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('is self-contained: no scripts, no remote resources, a CSP that allows nothing else', async () => {
    const html = renderReportHtml(await riverton(), { forPrint: true });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
  });

  it('prints on A4 with the title as running header and "Page N of M" at the foot', async () => {
    const html = renderReportHtml(await riverton());
    expect(html).toMatch(/@page \{\s*size: A4;/);
    expect(html).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages)');
    expect(html).toContain('@top-left { content: "Riverton');
  });

  it('has one h1, numbered h2 sections in the issue’s order, a table of contents that links to each, and scoped table headers', async () => {
    const model = await riverton();
    const html = renderReportHtml(model);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const h2 = [...html.matchAll(/<h2 id="([^"]+)-title">([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(h2).toEqual([
      ['toc', 'Contents'],
      ['versions', '1. Versions reviewed'],
      ['committee', '2. Committee'],
      ['summary', '3. Summary'],
      ['criteria', '4. Criteria and verdicts'],
      ['votes', '5. Members’ votes'],
      ['changes', '6. Changes since “Policy 2021”'],
      ['actions', '7. Action plan'],
      ['open-items', '8. Open items'],
      ['sign-off', '9. Sign-off'],
    ]);
    for (const section of reportSections(model)) expect(html).toContain(`<a href="#${section.id}">`);
    for (const href of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${href[1]}"`);
    const headers = html.match(/<th[ >][^>]*>/g) ?? [];
    expect(headers.length).toBeGreaterThan(20);
    for (const th of headers) expect(th).toMatch(/scope="(col|row)"/);
    // Headings never skip a level: h3 only inside h2 sections, h4 only inside h3.
    const levels = [...html.matchAll(/<h([1-4])[ >]/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });

  it('says what each part of the issue asks: versions with hashes, committee, verdicts with rationale, changes, actions, open items, sign-off', async () => {
    const model = await riverton();
    const html = renderReportHtml(model);
    for (const v of model.versions) expect(html).toContain(v.sha256);
    expect(html).toContain('Ben Okafor');
    expect(html).toContain('Consent for photographs of children is missing.');
    expect(html).toContain('<span class="badge verdict-not-met">Not met</span>');
    expect(html).toContain('Passwords and multi-factor authentication</a>');
    expect(html).toContain('<del>&lt;b&gt;two-step&lt;/b&gt;</del><ins>multi-factor</ins>');
    expect(html).toContain('Add parental consent for photographs of minors.');
    expect(html).toContain('<p class="comment item depth-0">1. Name the approved tools.</p>');
    expect(html).toContain('<span class="overdue">overdue</span>');
    expect(html).toContain('Criteria not yet reviewed');
    expect(html).toContain('a'.repeat(64));
  });

  it('lists every open annotation, by severity, under each of its criteria, linked once to the criterion in full', async () => {
    const model = await riverton();
    const html = renderReportHtml(model);
    const index =
      /<h3>Open annotations<\/h3>\n<p>(\d+) annotations? (?:is|are) open\.[^<]*<\/p><ul class="open-index">([\s\S]*?)<\/ul>/.exec(
        html,
      );
    expect(Number(index?.[1])).toBe(model.openItems.openAnnotations.length);
    const lines = [
      ...(index?.[2] ?? '').matchAll(
        /<li><a href="#c-([^"]+)">[^<]*<\/a> <span class="criterion-id">[^<]*<\/span>: ([^<]*)\.<\/li>/g,
      ),
    ];
    // Each criterion's line: its open annotations, most severe first, each as its severity's label then numbers.
    const listed = new Map(lines.map(([, criterion, bySeverity]) => [criterion!, bySeverity!]));
    const labels = ['Critical', 'Major', 'Minor', 'Info'];
    for (const [criterion, bySeverity] of listed) {
      expect(html).toContain(`<article class="criterion" id="c-${criterion}"`);
      const groups = bySeverity.split('; ').map((group) => /^(\w+) (A\d+(?:, A\d+)*)$/.exec(group));
      expect(groups.every(Boolean)).toBe(true);
      expect(groups.map((g) => labels.indexOf(g![1]!))).toEqual(groups.map((g) => labels.indexOf(g![1]!)).sort());
    }
    const open = model.openItems.openAnnotations.map((n) => model.annotations[n - 1]!);
    expect(open.length).toBeGreaterThan(0);
    for (const a of open) {
      for (const criterion of a.criterionIds) {
        const group = listed
          .get(criterion)
          ?.split('; ')
          .find((g) => g.split(', ').some((n) => n.endsWith(`A${a.number}`)));
        expect(group, `A${a.number} under ${criterion}`).toMatch(new RegExp(`^${SEVERITY_LABELS[a.severity]} `));
      }
      // Printed in full where the criterion's line leads, its number and severity in one badge.
      expect(html).toContain(
        `<span class="badge severity-${a.severity}">A${a.number} · ${SEVERITY_LABELS[a.severity]}</span>`,
      );
    }
    // Nothing closed is listed.
    const listedNumbers = new Set([...(index?.[2] ?? '').matchAll(/A(\d+)/g)].map((m) => Number(m[1])));
    expect([...listedNumbers].sort((x, y) => x - y)).toEqual(
      [...model.openItems.openAnnotations].sort((x, y) => x - y),
    );
  });

  it('keeps a last page for the signatures only when printing', async () => {
    const model = await riverton();
    expect(renderReportHtml(model)).not.toContain('class="signature-page"');
    expect(renderReportHtml(model, { forPrint: true })).toContain('<section class="signature-page"');
  });
});

describe('a review with nothing in it yet', () => {
  it('still gets a complete report that says what is missing', async () => {
    const review = await rivertonReview();
    review.versions = [];
    review.annotations = [];
    review.assessments = [];
    review.signoffs = [];
    const model = buildReportModel(review, OPTIONS);
    const html = renderReportHtml(model, { forPrint: true });
    expect(html).toContain('No version of the policy has been imported.');
    expect(html).toContain('No version has been imported, so there is nothing to compare.');
    expect(html).toContain('No action is open.');
    expect(html).toContain('No sign-off was recorded in the review before this report was made.');
    expect(renderReportMarkdown(model)).toContain('No version of the policy has been imported.');
  });
});

describe('Markdown report', () => {
  it('has the same numbered sections and escapes Markdown in text from the review', async () => {
    const model = await riverton();
    const md = renderReportMarkdown(model);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Contents',
      ...reportSections(model).map((s) => `${s.number}. ${s.title.replace(/[<>]/g, (c) => `\\${c}`)}`),
    ]);
    expect(md).toMatch(/^# Riverton "Social" \\<Media\\> Policy &amp; \\<\/style\\> code$/m);
    expect(md).toContain('\\<script\\>alert');
    expect(md).toContain('\\*\\*not bold\\*\\* # not a heading \\| not a cell');
    expect(md).toContain('Ana Díaz (Chair)');
    expect(md).toMatch(/^ {2}1\. Name the approved tools\.$/m);
    expect(md).not.toMatch(/^#{1,6} not a heading/m);
    for (const v of model.versions) expect(md).toContain(`\`${v.sha256}\``);
  });

  it('writes GFM tables whose rows have as many cells as the header', async () => {
    const md = renderReportMarkdown(await riverton());
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      const cells = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(cells).size).toBe(1);
    }
  });
});

describe('JSON report', () => {
  it('is the report model, with its format and version first', async () => {
    const model = await riverton();
    const json = renderReportJson(model);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(model)));
    expect(json.startsWith('{\n  "format": "policy-review-report",\n  "formatVersion": 1,')).toBe(true);
  });
});
