/**
 * Where a domain operation gets the two things it records that its inputs do not decide: the time, and the ids of
 * the records it makes. Operations take one as a parameter (never reading the computer's clock themselves), so the
 * same review, input, actor and clock always give the same review: what exchange and merge rely on, and what lets
 * a test pin the exact stamps an operation records.
 */
export interface Clock {
  /** The time to record, as an ISO 8601 timestamp (what every `createdAt`, `updatedAt` and `at` holds). */
  now(): string;
  /** A fresh id for a new record. */
  newId(): string;
}

/** The real clock and random UUIDs: what the app and the command line use. */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};
