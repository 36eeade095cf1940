import { AppError } from '../../errors';
import type { Review, Version } from '../../model';

/**
 * The live version a person means: its id, the start of its id (at least 4 characters), or its exact label.
 * A reference that fits several versions is an error that lists them.
 */
export function versionByReference(review: Review, reference: string | undefined): Version {
  const live = review.versions.filter((v) => !v.deletedAt);
  const listed = live.map((v) => `“${v.label}” (${v.id.slice(0, 8)})`).join(', ') || 'none';
  if (!reference?.trim())
    throw new AppError(
      'E_INVALID_INPUT',
      `Name the version with --version: its id, the start of its id, or its label. Versions: ${listed}.`,
    );
  const wanted = reference.trim();
  const exact = live.find((v) => v.id === wanted.toLowerCase());
  if (exact) return exact;
  const matches = live.filter(
    (v) => v.label === wanted || (wanted.length >= 4 && v.id.startsWith(wanted.toLowerCase())),
  );
  const [only] = matches;
  if (matches.length === 1 && only) return only;
  if (matches.length > 1)
    throw new AppError(
      'E_INVALID_INPUT',
      `“${wanted}” matches ${matches.length} versions (${matches.map((v) => `“${v.label}” (${v.id.slice(0, 8)})`).join(', ')}); use more of the id.`,
    );
  throw new AppError('E_NOT_FOUND', `No version of “${review.title}” matches “${wanted}”. Versions: ${listed}.`);
}
