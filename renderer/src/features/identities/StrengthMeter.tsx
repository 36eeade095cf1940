import type { Strength } from './passphraseStrength';

const FILLED: Record<Strength['level'], number> = { 'too-short': 0, weak: 1, fair: 2, strong: 3 };

/** How strong a new passphrase looks, in a word and bars (the word carries it; the bars only echo it). */
export function StrengthMeter({ strength }: { strength: Strength | undefined }) {
  if (!strength)
    return <span className="strength">At least 8 characters. A few unrelated words make a good passphrase.</span>;
  return (
    <span className="strength">
      <span className={`strength-bars strength-${strength.level}`} aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} className={n <= FILLED[strength.level] ? 'strength-bar is-filled' : 'strength-bar'} />
        ))}
      </span>
      <span className="strength-label">Strength: {strength.label}.</span> {strength.hint}
    </span>
  );
}
