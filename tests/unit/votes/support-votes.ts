import { setCommittee } from '../../../shared/domain/reviews/edit-review';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import type { Author, Review, Version } from '../../../shared/model';
import { fixedClock, type FixedClock } from '../support/fixed-clock';

export const CHAIR: Author = { name: 'Ada Chair', role: 'chair', email: 'ada@example.org' };
export const LEGAL: Author = { name: 'Lena Legal', role: 'legal' };
export const PRIVACY_OFFICER: Author = { name: 'Pia Privacy', role: 'privacy', email: 'pia@example.org' };
export const OBSERVER: Author = { name: 'Otto Observer', role: 'observer' };
export const START = '2026-03-02T09:00:00.000Z';
export const CONSENT = 'privacy.consent';

/** A review (no store, no disk) with one small version and a committee of a chair, two voting members and an observer. */
export function committeeReview(clock: FixedClock = fixedClock(START)): { review: Review; version: Version } {
  const review = newReviewDocument('Riverton social media policy', CHAIR, clock);
  const text = 'Staff must not share personal data.';
  const version: Version = {
    id: clock.newId(),
    label: '2024',
    importedAt: clock.now(),
    importedBy: CHAIR,
    source: { fileName: 'v.txt', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: text.length },
    blocks: [{ id: 'b1', type: 'paragraph', text }],
    text,
    warnings: [],
  };
  review.versions.push(version);
  const founder = review.committee[0]!;
  setCommittee(
    review,
    [
      { id: founder.id, name: founder.name, role: 'chair', email: 'ada@example.org' },
      { name: LEGAL.name, role: 'legal' },
      { name: 'pia  PRIVACY', role: 'privacy', email: 'PIA@example.org' },
      { name: OBSERVER.name, role: 'observer' },
    ],
    CHAIR,
    clock,
  );
  return { review, version };
}
