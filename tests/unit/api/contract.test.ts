import { describe, expect, it } from 'vitest';
import { API, isMethodName, METHOD_NAMES } from '../../../shared/api';

describe('the API contract', () => {
  it('names every method domain.verb', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
  });

  it('offers the foundation methods', () => {
    const required = ['app.info', 'settings.get', 'settings.set', 'reviews.list', 'reviews.create', 'reviews.open', 'reviews.rename', 'reviews.delete', 'committee.set', 'checklist.get'];
    for (const name of required) expect(METHOD_NAMES).toContain(name);
  });

  it('gives every method a schema for its arguments and its result', () => {
    for (const name of METHOD_NAMES) {
      expect(typeof API[name].args.safeParse).toBe('function');
      expect(typeof API[name].result.safeParse).toBe('function');
    }
  });

  it('recognises only its own method names', () => {
    expect(isMethodName('reviews.list')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('reviews.list ')).toBe(false);
    expect(isMethodName(42)).toBe(false);
  });

  it('rejects extra argument fields, so a typo is an error rather than ignored', () => {
    expect(API['reviews.create'].args.safeParse({ title: 'A', titel: 'B' }).success).toBe(false);
  });
});
