import { describe, it, expect } from 'vitest';
import { CATEGORIES, Criterion, CriterionId } from '../../../shared/model';
import {
  BUILTIN_CHECKLIST_ID,
  BUILTIN_CRITERIA,
  BUILTIN_TOPIC_COVERAGE,
  CATEGORY_INFO,
  createChecklistFromBuiltin,
} from '../../../shared/checklist/index';

const REQUIRED_TOPICS = [
  'purpose-scope',
  'roles-approval',
  'official-vs-personal-accounts',
  'personal-expression',
  'acceptable-use-conduct',
  'confidentiality',
  'records-retention',
  'terms-of-use-moderation',
  'free-speech-limits',
  'political-activity',
  'accessibility',
  'data-protection-law',
  'consent',
  'privacy-impact-assessment',
  'staff-monitoring-notice-consent',
  'account-security',
  'misinformation',
  'harassment-cyberbullying',
  'crisis-communication',
  'training',
  'feedback-channels',
  'review-cycle',
  'consultation',
];

const NOW = '2025-01-15T10:00:00.000Z';

describe('built-in checklist', () => {
  it('has a versioned, stable checklist id', () => {
    expect(BUILTIN_CHECKLIST_ID).toBe('built-in:public-sector-social-media@1');
  });

  it('contains at least 30 criteria', () => {
    expect(BUILTIN_CRITERIA.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every category at least two criteria', () => {
    for (const category of CATEGORIES) {
      const count = BUILTIN_CRITERIA.filter((c) => c.category === category).length;
      expect(count, category).toBeGreaterThanOrEqual(2);
    }
  });

  it('describes every category once, in CATEGORIES order', () => {
    expect(CATEGORY_INFO.map((c) => c.id)).toEqual([...CATEGORIES]);
    for (const info of CATEGORY_INFO) {
      expect(info.label.trim()).not.toBe('');
      expect(info.description.trim()).not.toBe('');
    }
  });

  it('uses unique ids that are valid criterion ids', () => {
    const ids = BUILTIN_CRITERIA.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(CriterionId.safeParse(id).success, id).toBe(true);
    }
  });

  it('prefixes every id with its own category', () => {
    for (const c of BUILTIN_CRITERIA) {
      expect(c.id.startsWith(`${c.category}.`), c.id).toBe(true);
    }
  });

  it('produces criteria that all pass the Criterion schema', () => {
    const criteria = createChecklistFromBuiltin(NOW);
    expect(criteria).toHaveLength(BUILTIN_CRITERIA.length);
    for (const c of criteria) {
      const result = Criterion.safeParse(c);
      expect(result.success, `${c.id}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('marks created criteria as built-in and stamps them with the given time', () => {
    for (const c of createChecklistFromBuiltin(NOW)) {
      expect(c.origin).toBe('built-in');
      expect(c.createdAt).toBe(NOW);
      expect(c.updatedAt).toBe(NOW);
    }
  });

  it('omits the reference key when a criterion has no reference', () => {
    const created = createChecklistFromBuiltin(NOW);
    BUILTIN_CRITERIA.forEach((source, i) => {
      const c = created[i]!;
      if (source.reference === undefined) expect('reference' in c, c.id).toBe(false);
      else expect(c.reference).toBe(source.reference);
    });
  });

  it('returns fresh records that do not share state between calls', () => {
    const first = createChecklistFromBuiltin(NOW);
    const second = createChecklistFromBuiltin(NOW);
    expect(first).toEqual(second);
    expect(first[0]).not.toBe(second[0]);
  });

  it('phrases every question so that it ends with a question mark', () => {
    for (const c of BUILTIN_CRITERIA) {
      expect(c.question.trim().endsWith('?'), c.id).toBe(true);
    }
  });

  it('covers every required topic with at least one existing criterion', () => {
    const ids = new Set(BUILTIN_CRITERIA.map((c) => c.id));
    for (const topic of REQUIRED_TOPICS) {
      const covering = BUILTIN_TOPIC_COVERAGE[topic];
      expect(covering, topic).toBeDefined();
      expect(covering!.length, topic).toBeGreaterThanOrEqual(1);
      for (const id of covering!) {
        expect(ids.has(id), `${topic} -> ${id}`).toBe(true);
      }
    }
  });

  it('maps exactly the 23 required topics and no others', () => {
    expect(REQUIRED_TOPICS).toHaveLength(23);
    expect(Object.keys(BUILTIN_TOPIC_COVERAGE).sort()).toEqual([...REQUIRED_TOPICS].sort());
  });

  it('keeps every guidance non-empty and at most 500 characters long', () => {
    for (const c of BUILTIN_CRITERIA) {
      expect(c.guidance.trim().length, c.id).toBeGreaterThan(0);
      expect(c.guidance.length, c.id).toBeLessThanOrEqual(500);
    }
  });
});
