import { describe, expect, it } from 'vitest';
import { DEFAULT_TEST_SEED, replayableWithSeed, seededRandom, testSeed } from './seeded-random';

describe('seeded randomness for tests', () => {
  it('draws the same numbers from the same seed, and others from another', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, seededRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const n of draw(7)) expect(n >= 0 && n < 1).toBe(true);
  });

  it('draws whole numbers across the whole range, ends included', () => {
    const random = seededRandom(DEFAULT_TEST_SEED);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('takes the seed from TEST_SEED, else the fixed default, and refuses one that is not a number', () => {
    expect(testSeed({ TEST_SEED: '1234' })).toBe(1234);
    expect(testSeed({})).toBe(DEFAULT_TEST_SEED);
    expect(() => testSeed({ TEST_SEED: 'abc' })).toThrow(/whole number/);
  });

  it('names the seed in the message of a failure, so the run can be replayed', async () => {
    await expect(
      replayableWithSeed(99, () => Promise.reject(new Error('round 3: the file is corrupt'))),
    ).rejects.toThrow(/round 3: the file is corrupt\n.*TEST_SEED=99/);
    expect(await replayableWithSeed(99, () => Promise.resolve('fine'))).toBe('fine');
  });
});
