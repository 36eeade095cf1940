/** "riverton-social-media-policy": a title in lower-case ASCII words joined by hyphens, for file names. */
export function titleSlug(title: string, fallback = 'review'): string {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || fallback
  );
}
