/**
 * The steps of taking a package in, in their order, as the person is told them (`package.progress` events): a merge
 * into a large review takes seconds, most of them in the merge's engine process.
 */
export const PACKAGE_STEPS = ['reading', 'history', 'merging', 'checking', 'saving'] as const;
export type PackageStep = (typeof PACKAGE_STEPS)[number];

/** The steps the merge's engine process says it has reached (merge-protocol.ts). */
export type EngineStep = Extract<PackageStep, 'merging' | 'checking'>;

/** The steps of a merge in its engine process: the engine's, then saving, the host's once the engine has merged. */
export type MergeStep = EngineStep | Extract<PackageStep, 'saving'>;

const DOING: Record<PackageStep, string> = {
  reading: 'Reading the package',
  history: 'Bringing this review’s history up to date',
  merging: 'Merging the package’s changes',
  checking: 'Checking what arrived',
  saving: 'Saving the merged review',
};

/** Where a package's steps are announced: `doing` replaces the step's usual words where the step differs. */
export type PackageProgress = (step: PackageStep, doing?: string) => void;

/**
 * Announces each step as its number of all of them. A package of a review new to this library takes fewer (its
 * history is checked where a merge would merge, and the review added where a merge would save), so some numbers
 * pass unannounced, as they do when a step takes no time.
 */
export function packageProgress(emit: (step: number, steps: number, doing: string) => void): PackageProgress {
  return (step, doing = DOING[step]) => emit(PACKAGE_STEPS.indexOf(step) + 1, PACKAGE_STEPS.length, doing);
}
