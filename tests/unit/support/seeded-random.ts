/**
 * Randomness a failing test can replay: a seeded generator, its seed taken from TEST_SEED or a fixed default, and
 * a wrapper that names the seed in any failure.
 */
import { seededRandom as mulberry32 } from '../../bench/generate-policy';

/** The seed when TEST_SEED is not set: fixed, so a run is the same from one machine to the next. */
export const DEFAULT_TEST_SEED = 20_260_101;

/** TEST_SEED when it is a whole number, else the default; a malformed TEST_SEED fails rather than being ignored. */
export function testSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.TEST_SEED;
  if (given === undefined || given === '') return DEFAULT_TEST_SEED;
  if (!/^\d+$/.test(given)) throw new Error(`TEST_SEED must be a whole number, not “${given}”.`);
  return Number(given) >>> 0;
}

export interface SeededRandom {
  readonly seed: number;
  /** A number in [0, 1), like Math.random. */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
}

/** The benchmarks' generator (mulberry32: the same sequence everywhere), with whole numbers in a range. */
export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  return { seed, next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

/** Runs `run`; if it fails, the error's message ends with how to replay the run with the same random choices. */
export async function replayableWithSeed<T>(seed: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const note = `(random choices from seed ${seed}: replay with TEST_SEED=${seed})`;
    if (error instanceof Error) {
      error.message = `${error.message}\n${note}`;
      throw error;
    }
    throw new Error(`${String(error)}\n${note}`, { cause: error });
  }
}
