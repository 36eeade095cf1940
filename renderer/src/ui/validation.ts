/** A loose check that catches typing slips; the services make the final decision. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

export const EMAIL_HINT = 'Enter an email address like name@example.org, or leave it empty.';
