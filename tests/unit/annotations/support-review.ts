import type { ApiResult, MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import type { RichText, Version } from '../../../shared/model';
import { plainTextToRichText } from '../../../shared/rich-text';
import { openTestWorkstation } from '../../support/test-workstation';
import type { Caller } from '../../../electron/services/library/review-sessions';
import type { Workstation, WorkstationOptions } from '../../../electron/services/workstation/workstation';

/** A short policy whose words repeat, so tests can select the same words in two places. */
export const POLICY_TXT = `Social Media Policy

Purpose

Staff must not share personal data of residents on official accounts.
Staff must not post political endorsements from official accounts.

Moderation

Comments that harass other residents are hidden within one business day.
`;

export const PRIVACY = 'privacy.consent';
export const CONDUCT = 'conduct.acceptable-use';

export interface ReviewSetup {
  ws: Workstation;
  dataDir: string;
  reviewId: string;
  version: Version;
}

/** A real workstation on `dataDir`, checking every result against the contract, acting as “Ada Chair”. */
export async function workstationOn(dataDir: string, options: Partial<WorkstationOptions> = {}): Promise<Workstation> {
  const ws = await openTestWorkstation({ dataDir, logError: () => undefined, ...options });
  await call(ws, 'settings.set', { user: { name: 'Ada Chair', role: 'chair', email: 'ada@example.org' } });
  return ws;
}

/** A review with one version imported from POLICY_TXT, opened by the default window. */
export async function reviewWithVersion(
  dataDir: string,
  options: Partial<WorkstationOptions> = {},
): Promise<ReviewSetup> {
  const ws = await workstationOn(dataDir, options);
  const { id: reviewId } = await call(ws, 'reviews.create', { title: 'Workspace test' });
  const imported = await call(ws, 'versions.import', {
    reviewId,
    source: textSource('policy-2024.txt', POLICY_TXT),
    label: 'Policy 2024',
  });
  const version = await call(ws, 'versions.get', { reviewId, versionId: imported.version.id });
  return { ws, dataDir, reviewId, version };
}

export function textSource(fileName: string, content: string | Uint8Array) {
  return { kind: 'file' as const, fileName, dataBase64: Buffer.from(content).toString('base64') };
}

/** Calls a contract method as the app's window does; an error result throws, carrying its code and message. */
export async function call<M extends MethodName>(
  ws: Workstation,
  method: M,
  args: MethodArgs<M>,
  caller?: Caller,
): Promise<MethodResult<M>> {
  const result = (await ws.invoke(method, args, caller)) as ApiResult<MethodResult<M>>;
  if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), result.error);
  return result.value;
}

/** The error a call ends with (the test fails if it succeeds). */
export async function failure<M extends MethodName>(
  ws: Workstation,
  method: M,
  args: MethodArgs<M>,
  caller?: Caller,
): Promise<ApiError> {
  const result = await ws.invoke(method, args, caller);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error;
}

/** The range of the `nth` occurrence (from 0) of `exact` in the version's text, as the page would send it. */
export function rangeOf(version: Version, exact: string, nth = 0): { start: number; end: number; exact: string } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = version.text.indexOf(exact, start + 1);
    if (start === -1) throw new Error(`“${exact}” occurs fewer than ${nth + 1} times`);
  }
  return { start, end: start + exact.length, exact };
}

export function comment(text: string): RichText {
  return plainTextToRichText(text);
}

/** A one-paragraph comment with a link to `url`. */
export function commentWithLink(url: string): RichText {
  return {
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'See ', format: 0 },
            {
              type: 'link',
              url,
              rel: 'noreferrer',
              target: null,
              title: null,
              children: [{ type: 'text', text: 'the guidance', format: 1 }],
            },
          ],
        },
      ],
    },
  };
}
