import { describe, expect, it } from 'vitest';
import type { Criterion, Verdict } from '../../../shared/model';
import {
  criteriaInFilter,
  inFilter,
  positionLabel,
  type CriterionFacts,
} from '../../../renderer/src/features/presenter/presenterFilters';
import { presenterCommand, type PresenterKey } from '../../../renderer/src/features/presenter/presenterKeys';

const criterion = (id: string) => ({ id, title: id, category: 'legal', question: '?' }) as unknown as Criterion;
const criteria = ['a', 'b', 'c', 'd'].map(criterion);
const facts = (verdicts: Record<string, Verdict>, split: string[]): CriterionFacts => ({
  verdictOf: (id) => verdicts[id] ?? 'unreviewed',
  disagree: (id) => split.includes(id),
});

describe('the presenter view’s filters', () => {
  const known = facts({ a: 'met', c: 'not-met' }, ['b', 'c']);

  it('shows every criterion, those the members disagree on, or those without a verdict', () => {
    const ids = (filter: 'all' | 'disagreement' | 'unreviewed') =>
      criteria.filter((c) => inFilter(filter, c, known)).map((c) => c.id);
    expect(ids('all')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('disagreement')).toEqual(['b', 'c']);
    expect(ids('unreviewed')).toEqual(['b', 'd']);
  });

  it('keeps the criterion on screen in its place after it leaves the filter, until the chair moves on', () => {
    expect(criteriaInFilter(criteria, 'unreviewed', known, 'c').map((c) => c.id)).toEqual(['b', 'c', 'd']);
    expect(criteriaInFilter(criteria, 'unreviewed', known, 'd').map((c) => c.id)).toEqual(['b', 'd']);
  });

  it('says where the chair is in the filter', () => {
    expect(positionLabel(2, 12)).toBe('Criterion 3 of 12');
    expect(positionLabel(0, 0)).toBe('No criteria');
  });
});

describe('the presenter view’s keys', () => {
  const press = (key: string, more: Partial<PresenterKey> = {}) =>
    presenterCommand({ key, ctrlKey: false, altKey: false, metaKey: false, inField: false, ...more });

  it('moves between criteria with the arrows and a clicker’s Page Up and Page Down', () => {
    expect(press('ArrowRight')).toEqual({ kind: 'next' });
    expect(press('PageDown')).toEqual({ kind: 'next' });
    expect(press('ArrowLeft')).toEqual({ kind: 'previous' });
    expect(press('PageUp')).toEqual({ kind: 'previous' });
    expect(press('Home')).toEqual({ kind: 'first' });
    expect(press('End')).toEqual({ kind: 'last' });
  });

  it('leaves Up and Down to scroll a long criterion', () => {
    expect(press('ArrowDown')).toBeUndefined();
    expect(press('ArrowUp')).toBeUndefined();
  });

  it('records met, partly met, not met and not applicable with keys 1 to 4, and nothing with 5', () => {
    expect(['1', '2', '3', '4', '5'].map((key) => press(key))).toEqual([
      { kind: 'verdict', verdict: 'met' },
      { kind: 'verdict', verdict: 'partial' },
      { kind: 'verdict', verdict: 'not-met' },
      { kind: 'verdict', verdict: 'not-applicable' },
      undefined,
    ]);
  });

  it('goes to the rationale with R and leaves the view with Escape', () => {
    expect(press('r')).toEqual({ kind: 'rationale' });
    expect(press('Escape')).toEqual({ kind: 'leave' });
  });

  it('leaves typing in a field alone, except Escape, which returns to the criterion', () => {
    expect(press('1', { inField: true })).toBeUndefined();
    expect(press('ArrowRight', { inField: true })).toBeUndefined();
    expect(press('Escape', { inField: true })).toEqual({ kind: 'stage' });
  });

  it('leaves the system its shortcuts with Ctrl, Alt or Meta', () => {
    expect(press('ArrowRight', { altKey: true })).toBeUndefined();
    expect(press('1', { ctrlKey: true })).toBeUndefined();
    expect(press('r', { metaKey: true })).toBeUndefined();
  });
});
