import { describe, expect, it } from 'vitest';
import { buildReportModel, renderReportHtml, renderReportJson, renderReportMarkdown } from '../../../shared/report';
import { rivertonReview } from './support-review';

const OPTIONS = { generatedAt: '2025-03-14T10:00:00.000Z' };

async function riverton() {
  return buildReportModel(await rivertonReview(), OPTIONS);
}

describe('the members’ votes in the report', () => {
  it('gives each criterion voted on its votes, the committee’s verdict and how many agree', async () => {
    const votes = (await riverton()).votes!;
    const consent = votes.criteria.find((c) => c.criterionId === 'privacy.consent')!;
    expect(consent).toMatchObject({ committeeVerdict: 'not-met', voters: 4, agreeing: 3, share: 3 / 4 });
    expect(consent.votes.map((v) => [v.voterName, v.verdict, v.dissents])).toEqual([
      ['Ana Díaz', 'not-met', false],
      ['Ben Okafor', 'not-met', false],
      ['Chen Wei', 'partial', true],
      ['Dana Smith', 'not-met', false],
    ]);
    expect(consent.votes[2]?.rationale).toBe('Consent is asked for adults, only minors are missing.');
    expect(votes.criteria.map((c) => c.criterionId).sort()).toEqual([
      'content.ai-generated',
      'privacy.consent',
      'security.credentials-mfa',
    ]);
    expect(votes.dissentingVotes).toBe(2);
  });

  it('gives Fleiss’ kappa overall and per category, leaving it out where it cannot be computed', async () => {
    const votes = (await riverton()).votes!;
    // Consent [0 met, 1 partial, 3 not met]: P = 6/12; MFA [3, 0, 0]: P = 1; AI [0, 2, 1]: P = 2/6; P̄ = 11/18.
    // Votes: met 3, partial 3, not met 4 of 10, so P_e = 34/100; κ = (11/18 − 17/50) / (33/50) = 122/297.
    expect(votes.overall.criteriaCompared).toBe(3);
    expect(votes.overall.kappa).toBeCloseTo(122 / 297, 12);
    const byCategory = Object.fromEntries(votes.categories.map((c) => [c.category, c]));
    // Privacy alone: P̄ = 1/2, P_e = 10/16, κ = −1/3. Content alone: P̄ = 1/3, P_e = 5/9, κ = −1/2.
    expect(byCategory.privacy?.kappa).toBeCloseTo(-1 / 3, 12);
    expect(byCategory.content?.kappa).toBeCloseTo(-1 / 2, 12);
    // Security: every vote "met", no variation: no kappa, and no key for it in the JSON report.
    expect(byCategory.security).toEqual({ category: 'security', label: expect.any(String), criteriaCompared: 1 });
  });

  it('marks dissenting votes in HTML and Markdown, with the agreement figures and never NaN', async () => {
    const model = await riverton();
    const html = renderReportHtml(model);
    expect(html).toContain('<h2 id="votes-title">5. Members’ votes</h2>');
    expect(html.match(/<li class="dissent">/g)).toHaveLength(2);
    expect(html).toContain(
      '<li class="dissent"><span class="badge verdict-partial">Partly met</span> Chen Wei ' +
        '(Privacy officer) <span class="badge dissent-mark">dissent</span>: Consent is asked for ' +
        'adults, only minors are missing.</li>',
    );
    expect(html).toContain('3 of 4 agree (75 %)');
    expect(html).toContain('2 votes differ from the committee’s verdict, marked “dissent”.');
    expect(html).toContain('0.41 overall (3 criteria)');
    expect(html).toContain('Security —');
    expect(html).toContain(
      'Privacy &amp; data protection −0.33 (1 criterion), Security — (1 criterion), Content −0.50',
    );
    const markdown = renderReportMarkdown(model);
    expect(markdown).toContain('## 5. Members’ votes');
    expect(markdown).toContain(
      '|  |  |  | Chen Wei (Privacy officer) | **Partly met (dissent)** | Consent is asked for adults, only minors are missing. |',
    );
    expect(markdown).toContain('0.41 overall (3 criteria)');
    for (const text of [html, markdown, renderReportJson(model)]) expect(text).not.toContain('NaN');
    expect(JSON.parse(renderReportJson(model))).toMatchObject({ votes: { dissentingVotes: 2 } });
  });

  it('says when nobody has voted', async () => {
    const review = await rivertonReview();
    review.votes = [];
    const model = buildReportModel(review, OPTIONS);
    expect(model.votes).toEqual({ criteria: [], categories: [], overall: { criteriaCompared: 0 }, dissentingVotes: 0 });
    expect(renderReportHtml(model)).toContain('<p class="empty">No member has recorded a vote on this version.</p>');
    expect(renderReportMarkdown(model)).toContain('No member has recorded a vote on this version.');
  });
});
