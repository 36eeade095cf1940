/**
 * A deep copy of a review's data (plain objects, arrays, strings, numbers, booleans, null). Unlike structuredClone it
 * reads anything that behaves as such an object, as the copy a change is made on does (the store's changes run on
 * a draft that shares what they do not touch), so operations can copy parts of the review they are changing.
 */
export function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyOf(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = copyOf(field);
  return copy as T;
}
