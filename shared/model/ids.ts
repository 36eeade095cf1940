import { z } from 'zod';

/** Every record carries a UUID so two offline copies of a review can be merged record by record. */
export const RecordId = z.uuid();

/** Built-in criteria use stable, readable ids (e.g. "privacy.impact-assessment") so reviews stay comparable. */
export const CriterionId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, dots and dashes');

export const Timestamp = z.iso.datetime({ offset: true });
export const CalendarDate = z.iso.date();
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits');
