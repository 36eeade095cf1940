/** The services refuse shorter passphrases (electron/services/identities/key-sealing.ts). */
export const MIN_PASSPHRASE_LENGTH = 8;

export type Strength = { level: 'too-short' | 'weak' | 'fair' | 'strong'; label: string; hint: string };

/**
 * A rough guess at how hard a passphrase is to guess: length matters most, then mixing kinds of characters.
 * Only a hint for the person; the key's safety rests on scrypt and on them choosing well.
 */
export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH)
    return {
      level: 'too-short',
      label: 'Too short',
      hint: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words make a good passphrase.`,
    };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(passphrase)).length;
  const words = passphrase
    .trim()
    .split(/[\s\-_.]+/)
    .filter((word) => word.length >= 3).length;
  const score = length + kinds * 3 + (words >= 3 ? 8 : 0) - (/^(.)\1+$/.test(passphrase) ? 20 : 0);
  if (score >= 28)
    return {
      level: 'strong',
      label: 'Strong',
      hint: 'A good passphrase. Keep it somewhere safe: it cannot be recovered.',
    };
  if (score >= 20) return { level: 'fair', label: 'Fair', hint: 'Longer is better: add another word or two.' };
  return { level: 'weak', label: 'Weak', hint: 'Easy to guess. Add more words, or mix in numbers and symbols.' };
}
