import { AppError } from '../../../shared/errors';
import type { Caller } from '../library/review-sessions';

/** How long a person's choice in a dialog stays good: long enough to fill in the rest of a form. */
const GRANT_LIFETIME_MS = 10 * 60 * 1000;

/** How a kind of grant words its refusals: what was chosen, and what the person should do again. */
export interface GrantWording<Purpose extends string> {
  expired: string;
  /** What a choice made for `purpose` was for, as the end of "That … was chosen for …". */
  purposeOf: (purpose: Purpose) => string;
  chooseAgain: string;
}

/**
 * A path a person chose in one of main's native dialogs, known to the renderer only by a token. The token is
 * bound to what the dialog was opened for and to the window that opened it, and is good for one use within ten
 * minutes: a token granted to save a checklist template cannot write a report, and a token one window was given
 * cannot be spent by another, so no page can turn a person's choice to a use they did not make it for.
 */
export class DialogGrants<Purpose extends string> {
  private readonly byToken = new Map<string, { path: string; purpose: Purpose; windowId: string; expires: number }>();

  constructor(private readonly wording: GrantWording<Purpose>) {}

  grant(path: string, purpose: Purpose, caller: Caller): string {
    this.forgetExpired();
    const token = crypto.randomUUID();
    this.byToken.set(token, { path, purpose, windowId: caller.windowId, expires: Date.now() + GRANT_LIFETIME_MS });
    return token;
  }

  /**
   * The path a token names, used up. A token spent for another purpose or from another window is refused and
   * left as it was, so a misbehaving page cannot take away the choice the person made in the right window.
   */
  take(token: string, purpose: Purpose, caller: Caller): string {
    const entry = this.byToken.get(token);
    if (!entry || entry.expires < Date.now()) {
      this.byToken.delete(token);
      throw new AppError('E_NOT_FOUND', this.wording.expired);
    }
    if (entry.windowId !== caller.windowId) {
      throw new AppError(
        'E_FORBIDDEN',
        `That choice was made in another window of the app, so it cannot be used here. ${this.wording.chooseAgain}`,
      );
    }
    if (entry.purpose !== purpose) {
      throw new AppError(
        'E_FORBIDDEN',
        `That choice was made for ${this.wording.purposeOf(entry.purpose)}, so it cannot be used ` +
          `for ${this.wording.purposeOf(purpose)}. ${this.wording.chooseAgain}`,
      );
    }
    this.byToken.delete(token);
    return entry.path;
  }

  /** The paths granted to `caller` for `purpose` and not spent yet, in the order they were chosen. */
  waiting(purpose: Purpose, caller: Caller): string[] {
    this.forgetExpired();
    return [...this.byToken.values()]
      .filter((entry) => entry.purpose === purpose && entry.windowId === caller.windowId)
      .map((entry) => entry.path);
  }

  /** Tokens nobody spent are dropped once they expire, so the map does not grow over a long session. */
  private forgetExpired(): void {
    const now = Date.now();
    for (const [token, entry] of this.byToken) if (entry.expires < now) this.byToken.delete(token);
  }
}
