import { describe, expect, it } from 'vitest';
import {
  buildReportModel,
  renderReportHtml,
  renderReportMarkdown,
  type CompareVersions,
  type ReportModel,
} from '../../../shared/report';
import { rivertonReview } from './support-review';

const OPTIONS = { generatedAt: '2025-03-14T10:00:00.000Z', generatedBy: { name: 'Ana Díaz', role: 'chair' as const } };

async function model(extra: Partial<Parameters<typeof buildReportModel>[1]> = {}): Promise<ReportModel> {
  return buildReportModel(await rivertonReview(), { ...OPTIONS, ...extra });
}

describe('report model', () => {
  it('lists every version with the sha256 of its source and marks the last one as the one reviewed', async () => {
    const review = await rivertonReview();
    const m = buildReportModel(review, OPTIONS);
    expect(m.versions.map((v) => [v.label, v.sha256, v.reported])).toEqual(
      review.versions.map((v, i) => [v.label, v.source.sha256, i === 1]),
    );
    expect(m.reportedVersion?.label).toBe('Policy 2023 (draft for adoption)');
    expect(m.review).toMatchObject({ id: review.id, title: 'City of Riverton — Social Media Policy' });
    expect(m.committee.map((c) => c.name)).toEqual(['Ana Díaz', 'Ben Okafor', 'Chen Wei', 'Dana Smith']);
  });

  it('counts verdicts per category and overall, and lists open critical and major annotations most severe first', async () => {
    const m = await model();
    expect(m.summary.criteria).toBe(46);
    expect(m.summary.reviewed).toBe(10);
    expect(m.summary.verdicts).toEqual({ unreviewed: 36, met: 5, partial: 2, 'not-met': 2, 'not-applicable': 1 });
    const privacy = m.categories.find((c) => c.category === 'privacy')!;
    expect(privacy.verdicts).toMatchObject({ 'not-met': 1, unreviewed: privacy.criteria.length - 1 });
    expect(m.summary.openAnnotations).toEqual({ critical: 1, major: 2, minor: 2, info: 0 });
    const serious = m.summary.seriousOpenAnnotations.map((n) => m.annotations[n - 1]!.severity);
    expect(serious).toEqual(['critical', 'major', 'major']);
  });

  it('gives each criterion its verdict, rationale, supporting annotations and actions', async () => {
    const m = await model();
    const ai = m.categories.flatMap((c) => c.criteria).find((c) => c.id === 'content.ai-generated')!;
    expect(ai.verdict).toBe('partial');
    expect(ai.rationale).toContain('not which tools may be used');
    expect(ai.assessedBy?.name).toBe('Chen Wei');
    expect(ai.supportingAnnotations).toHaveLength(1);
    const annotation = m.annotations[ai.supportingAnnotations[0]! - 1]!;
    expect(annotation.quote).toContain('must never be entered into an AI tool');
    expect(annotation.comment).toBe(
      'The AI rules do not say which tools are approved or how their use is logged.\n1. Name the approved tools.\n2. Log every use on official accounts.',
    );
    expect(annotation.replies).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ name: 'Ana Díaz' }) }),
    ]);
    expect(ai.actions).toEqual([
      expect.objectContaining({
        description: 'Add the list of approved AI tools and a usage log to Section 5.',
        ownerName: 'Chen Wei',
        overdue: true,
      }),
    ]);
    const unreviewed = m.categories.flatMap((c) => c.criteria).find((c) => c.id === 'privacy.impact-assessment')!;
    expect(unreviewed).toMatchObject({ verdict: 'unreviewed', rationale: '', annotations: [], actions: [] });
  });

  it('numbers the reported version’s annotations in text order and leaves the other versions’ out', async () => {
    const review = await rivertonReview();
    const m = buildReportModel(review, OPTIONS);
    const onV2 = review.annotations.filter((a) => a.versionId === review.versions[1]!.id);
    expect(m.annotations).toHaveLength(onV2.length);
    expect(m.annotations.map((a) => a.number)).toEqual(onV2.map((_, i) => i + 1));
    const starts = m.annotations.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(m.annotations.find((a) => a.quote === 'Multi-factor authentication')).toMatchObject({
      carried: true,
      anchorState: 'fuzzy',
    });
  });

  it('puts open actions in the action plan, soonest first, and marks those overdue on the report date', async () => {
    const m = await model();
    expect(m.actionPlan.map((a) => [a.dueDate, a.overdue])).toEqual([
      ['2025-02-28', true],
      ['2025-05-31', false],
      ['2025-06-30', false],
      ['2025-09-30', false],
    ]);
    expect(m.summary).toMatchObject({ openActions: 4, overdueActions: 1 });
  });

  it('lists unreviewed criteria and open annotations as open items', async () => {
    const m = await model();
    expect(m.openItems.unreviewedCriteria).toHaveLength(36);
    const open = m.openItems.openAnnotations.map((n) => m.annotations[n - 1]!);
    expect(open.every((a) => a.status === 'open')).toBe(true);
    expect(open.map((a) => a.severity)).toEqual(['critical', 'major', 'major', 'minor', 'minor']);
  });

  it('counts carried annotations whose new place nobody has confirmed, and stops once a person confirms them', async () => {
    const review = await rivertonReview();
    const waiting = buildReportModel(review, OPTIONS);
    const fuzzy = waiting.annotations
      .filter((a) => a.anchorState === 'moved' || a.anchorState === 'fuzzy')
      .map((a) => a.number);
    expect(fuzzy.length).toBeGreaterThan(0);
    expect(waiting.openItems.unconfirmedAnnotations).toEqual(fuzzy);
    expect(waiting.summary.unconfirmedAnnotations).toBe(fuzzy.length);
    expect(renderReportMarkdown(waiting)).toContain(
      `nobody has confirmed the new place yet: ${fuzzy.map((n) => `A${n}`).join(', ')}.`,
    );
    expect(renderReportHtml(waiting)).toContain(`<a href="#a-${fuzzy[0]}">A${fuzzy[0]}</a>`);
    for (const a of review.annotations)
      if (a.anchorState === 'moved' || a.anchorState === 'fuzzy') a.anchorState = 'anchored';
    const confirmed = buildReportModel(review, OPTIONS);
    expect(confirmed.openItems.unconfirmedAnnotations).toEqual([]);
    expect(renderReportMarkdown(confirmed)).toContain('None: every carried annotation’s place is confirmed.');
  });

  it('takes the change summary from the comparison it is given, naming the criteria it touches', async () => {
    const calls: string[] = [];
    const compare: CompareVersions = (_review, from, to) => {
      calls.push(`${from.label} → ${to.label}`);
      return {
        counts: { unchanged: 70, changed: 21, added: 6, removed: 2, moved: 1 },
        touchedCriterionIds: ['security.credentials-mfa', 'no.such-criterion'],
        passages: [{ kind: 'changed', before: 'Two-step', after: 'Multi-factor' }],
      };
    };
    const m = await model({ compare });
    expect(calls).toEqual(['Policy 2021 → Policy 2023 (draft for adoption)']);
    expect(m.changes).toMatchObject({
      available: true,
      counts: { changed: 21 },
      touchedCriteria: [{ id: 'security.credentials-mfa', title: 'Passwords and multi-factor authentication' }],
    });
    const without = await model();
    expect(without.changes).toMatchObject({ available: false, from: { label: 'Policy 2021' }, touchedCriteria: [] });
  });

  it('reports on an earlier version when asked, with no change summary before the first', async () => {
    const review = await rivertonReview();
    const m = buildReportModel(review, { ...OPTIONS, versionId: review.versions[0]!.id });
    expect(m.reportedVersion?.label).toBe('Policy 2021');
    expect(m.changes).toBeUndefined();
    expect(m.annotations.map((a) => a.quote)).toEqual(['Two-step verification']);
    expect(m.summary.reviewed).toBe(0);
  });

  it('keeps the sign-offs recorded in the review', async () => {
    const m = await model();
    expect(m.signOffs).toEqual([
      expect.objectContaining({
        meaning: 'Reviewed',
        signer: expect.objectContaining({ name: 'Ana Díaz' }),
        reportSha256: 'a'.repeat(64),
      }),
    ]);
  });

  it('leaves deleted criteria, members and annotations out', async () => {
    const review = await rivertonReview();
    const deletedAt = '2025-03-12T00:00:00.000Z';
    review.checklist.criteria.find((c) => c.id === 'privacy.consent')!.deletedAt = deletedAt;
    review.committee.find((m) => m.name === 'Dana Smith')!.deletedAt = deletedAt;
    review.annotations.find((a) => a.criterionIds.includes('records.retention'))!.deletedAt = deletedAt;
    const m = buildReportModel(review, OPTIONS);
    expect(m.summary.criteria).toBe(45);
    expect(m.committee.map((c) => c.name)).not.toContain('Dana Smith');
    expect(m.annotations.some((a) => a.criterionIds.includes('records.retention'))).toBe(false);
    // An action owned by a member who left still names them.
    expect(m.actionPlan.find((a) => a.description.startsWith('Name the archive owner'))?.ownerName).toBe('Dana Smith');
  });
});
