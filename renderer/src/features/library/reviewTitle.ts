/** What is wrong with a review title before it is sent, in the same words the services use. */
export function titleProblem(title: string): string | undefined {
  const trimmed = title.trim();
  if (!trimmed) return 'A title is required.';
  if (trimmed.length > 200) return 'A title has at most 200 characters.';
  return undefined;
}
