import yazl from 'yazl';
import { z } from 'zod';
import type { PackageSender } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import {
  Author,
  decodeReviewText,
  RecordId,
  SCHEMA_VERSION,
  Sha256Hex,
  Timestamp,
  type Review,
} from '../../../shared/model';
import { BoundedZip, type ZipLimits, type ZipProblems } from '../files/bounded-zip';
import { bufferView } from '../files/buffer-view';
import type { CmsSigner } from '../signing/cms-signature';
import { signJsonReport, verifyJsonReport } from '../signing/json-signature';
import type { TrustAnchors } from '../signing/trust';
import { sha256Hex } from '../storage/on-demand-crypto';

/**
 * A review package (`.policyreview`): a zip archive holding
 *   manifest.json        what the package is: the review's id and title, who exported it and when, and every other
 *                        part's name, size and SHA-256
 *   manifest.json.jws    when the sender signed it: a detached JWS over the manifest (as a JSON report's), so the
 *                        signature covers every part through its hash
 *   review.json          the review as its file holds it (readable by any tool, the published JSON Schema)
 *   history.yjs          the review's history in the merge engine: what lets the receiver merge it back later, as
 *                        its file holds it (history-format.ts), in chunks that each say what they bring, so that a
 *                        receiver takes in only what it lacks
 *   sources/<sha256>     the exact bytes each version was imported from
 */
export const PACKAGE_FORMAT = 'policy-review/package@3';
/** The formats this app reads. */
const READABLE_PACKAGE_FORMATS = [PACKAGE_FORMAT] as const;
/** Formats of the app before its history moved from Automerge to Yjs, which it no longer reads. */
const OLDER_PACKAGE_FORMATS = ['policy-review/package@1', 'policy-review/package@2'];
export const PACKAGE_EXTENSION = '.policyreview';

const MANIFEST = 'manifest.json';
const SIGNATURE = 'manifest.json.jws';
const REVIEW = 'review.json';
const HISTORY = 'history.yjs';
const SOURCE = /^sources\/[0-9a-f]{64}$/;

/** Far above a real package (a 10,000-annotation review with its sources is tens of MB), far below harm. */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;
const PACKAGE_LIMITS: ZipLimits = {
  maxEntries: 4 + 5_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  // JSON of a large review compresses about 10 to 1; far beyond that is a bomb, not a review.
  maxCompressionRatio: 200,
};
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const PartName = z.string().refine((name) => name === REVIEW || name === HISTORY || SOURCE.test(name), {
  error: 'is not a part a review package holds',
});

const Manifest = z
  .object({
    format: z.enum(READABLE_PACKAGE_FORMATS, { error: `is not “${PACKAGE_FORMAT}”` }),
    reviewId: RecordId,
    title: z.string().max(1000),
    schemaVersion: z.int(),
    exportedAt: Timestamp,
    exportedBy: Author,
    app: z.string().max(200),
    parts: z.array(z.object({ name: PartName, sha256: Sha256Hex, bytes: z.int().min(0) }).strict()).max(5_002),
  })
  .strict();
type Manifest = z.infer<typeof Manifest>;

export interface PackageContent {
  review: Review;
  /** The history, as its file holds it (history-format.ts). */
  history: Uint8Array;
  /** The versions' source files this laptop has, by SHA-256. */
  sources: ReadonlyMap<string, Uint8Array>;
  exportedBy: Author;
  exportedAt: string;
  app: string;
}

export interface PackageSigner {
  signer: Author;
  key: CmsSigner;
  signedAt: Date;
}

/** A package's bytes: the parts, a manifest of their hashes, and the sender's signature over it when there is one. */
export async function writePackage(content: PackageContent, signer?: PackageSigner): Promise<Uint8Array> {
  const parts = new Map<string, Uint8Array>([
    [REVIEW, Buffer.from(`${JSON.stringify(content.review, null, 2)}\n`)],
    [HISTORY, content.history],
    ...[...content.sources].map(([sha256, bytes]) => [`sources/${sha256}`, bytes] as [string, Uint8Array]),
  ]);
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    reviewId: content.review.id,
    title: content.review.title,
    schemaVersion: content.review.schemaVersion,
    exportedAt: content.exportedAt,
    exportedBy: content.exportedBy,
    app: content.app,
    parts: [...parts].map(([name, bytes]) => ({ name, sha256: sha256Hex(bytes), bytes: bytes.length })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const zip = new yazl.ZipFile();
  zip.addBuffer(manifestBytes, MANIFEST, { compress: false });
  if (signer) {
    const jws = await signJsonReport(manifestBytes, undefined, { ...signer, meaning: 'Sent this review package' });
    zip.addBuffer(Buffer.from(jws), SIGNATURE, { compress: false });
  }
  // The history is compressed by the engine already; the review's JSON compresses well.
  for (const [name, bytes] of parts) zip.addBuffer(bufferView(bytes), name, { compress: name === REVIEW });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A package as read and checked: every part as its manifest says, the review valid, the history the engine's. */
export interface OpenedPackage {
  review: Review;
  /**
   * The history's bytes, checked by their hash; loaded by whoever uses them (loadPackageHistory): a merge loads
   * them in a process of its own, since the engine's memory is what a package can exhaust.
   */
  history: PackageHistory;
  sources: ReadonlyMap<string, Uint8Array>;
  sender: PackageSender;
}

/** A package's history as read from it, with whose history it must be. */
export interface PackageHistory {
  bytes: Uint8Array;
  fileName: string;
  reviewId: string;
}

/**
 * Reads a package from outside under limits and checks everything before anything is used: the archive (size,
 * names, entries), the manifest, each part's size and SHA-256, the sender's signature, the review against the
 * schema, the history as the engine's document of that same review. Any problem is one `AppError` saying what is
 * wrong in one sentence that starts with the file's name.
 */
export async function readPackage(bytes: Uint8Array, fileName: string, anchors: TrustAnchors): Promise<OpenedPackage> {
  const refuse = refusalFor(fileName);
  if (bytes.length > MAX_PACKAGE_BYTES)
    throw refuse('E_TOO_LARGE', 'it is larger than any review package (512 MB at most)');
  const entries = await unpackEntries(bytes, refuse);

  const manifestBytes = entries.get(MANIFEST);
  if (!manifestBytes) throw refuse('E_INVALID_INPUT', 'it is not a review package (it has no manifest.json)');
  const manifest = readManifest(manifestBytes, refuse);
  checkParts(manifest, entries, refuse);

  const sender: PackageSender = { exportedBy: manifest.exportedBy, exportedAt: manifest.exportedAt };
  const signature = entries.get(SIGNATURE);
  if (signature) {
    const [check] = await verifyJsonReport(manifestBytes, Buffer.from(signature).toString('utf8'), anchors).catch(
      () => [],
    );
    if (!check?.intact) {
      throw refuse(
        'E_INVALID_INPUT',
        `its signature does not hold${check ? ` (${check.problem ?? 'the manifest is not what was signed'})` : ''}, so it may have been changed after it was sent`,
      );
    }
    sender.signature = {
      signer: check.signer,
      intact: true,
      trusted: check.trusted,
      ...(check.signedAt ? { signedAt: check.signedAt } : {}),
      ...(check.trustedAs ? { trustedAs: check.trustedAs } : {}),
      ...(check.problem ? { problem: check.problem } : {}),
    };
  }

  const review = readReview(entries.get(REVIEW)!, manifest, refuse);
  const history = { bytes: entries.get(HISTORY)!, fileName, reviewId: manifest.reviewId };
  const sources = new Map<string, Uint8Array>();
  for (const [name, content] of entries) if (SOURCE.test(name)) sources.set(name.slice('sources/'.length), content);
  return { review, history, sources, sender };
}

export type Refuse = (code: 'E_INVALID_INPUT' | 'E_TOO_LARGE' | 'E_UNSUPPORTED', why: string) => AppError;

/** A package refused: one sentence that starts with the file's name. */
export function refusalFor(fileName: string): Refuse {
  return (code, why) => new AppError(code, `“${fileName}” was not opened: ${why}. Nothing was changed.`);
}

function packageProblems(refuse: Refuse): ZipProblems {
  const bomb = () => refuse('E_TOO_LARGE', 'it unpacks to far more than a review package (it may be a “zip bomb”)');
  return {
    damaged: () =>
      refuse('E_INVALID_INPUT', 'it is not a review package, or a damaged one (not a readable zip archive)'),
    tooLarge: bomb,
    tooManyEntries: bomb,
    encrypted: () => refuse('E_UNSUPPORTED', 'it is encrypted, and review packages never are'),
    unsafeName: (name) =>
      refuse('E_INVALID_INPUT', `it holds an entry named “${name}”, which points outside the package's own folder`),
  };
}

async function unpackEntries(bytes: Uint8Array, refuse: Refuse): Promise<Map<string, Uint8Array>> {
  const problems = packageProblems(refuse);
  const zip = await BoundedZip.open(bytes, PACKAGE_LIMITS, problems);
  try {
    const entries = new Map<string, Uint8Array>();
    for (const entry of zip.entries) {
      const name = entry.fileName;
      if (name !== MANIFEST && name !== SIGNATURE && !PartName.safeParse(name).success)
        throw refuse('E_INVALID_INPUT', `it holds “${name.slice(0, 200)}”, which no review package holds`);
      if (entries.has(name)) throw refuse('E_INVALID_INPUT', `it holds “${name}” twice`);
      if (name === MANIFEST && entry.uncompressedSize > MAX_MANIFEST_BYTES) throw problems.tooLarge();
      entries.set(name, (await zip.unpack(entry))!);
    }
    return entries;
  } finally {
    zip.close();
  }
}

function readManifest(bytes: Uint8Array, refuse: Refuse): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw refuse('E_INVALID_INPUT', 'its manifest.json is not JSON');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && OLDER_PACKAGE_FORMATS.includes(format))
    throw refuse(
      'E_UNSUPPORTED',
      'it was made by an older version of the app, whose history of the review this version no longer reads; ask the sender to update the app and export it again',
    );
  if (
    typeof format === 'string' &&
    format.startsWith('policy-review/package@') &&
    !(READABLE_PACKAGE_FORMATS as readonly string[]).includes(format)
  )
    throw refuse('E_UNSUPPORTED', `it was made by a newer version of the app (${format}); update the app to open it`);
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(
      'E_INVALID_INPUT',
      `its manifest is not valid (${issue.path.join('.') || 'manifest'} ${issue.message})`,
    );
  }
  if (parsed.data.schemaVersion > SCHEMA_VERSION)
    throw refuse('E_UNSUPPORTED', 'its review was saved by a newer version of the app; update the app to open it');
  if (parsed.data.schemaVersion < SCHEMA_VERSION)
    throw refuse(
      'E_UNSUPPORTED',
      'it was made by an older version of the app; ask the sender to update the app and export it again, so that both sides merge the same kind of records',
    );
  return parsed.data;
}

/** Every part the manifest lists is there, of its size and hash, and nothing is there that it does not list. */
function checkParts(manifest: Manifest, entries: ReadonlyMap<string, Uint8Array>, refuse: Refuse): void {
  const listed = new Set<string>();
  for (const part of manifest.parts) {
    if (listed.has(part.name)) throw refuse('E_INVALID_INPUT', `its manifest lists “${part.name}” twice`);
    listed.add(part.name);
    const content = entries.get(part.name);
    if (!content) throw refuse('E_INVALID_INPUT', `it lacks “${part.name}”, which its manifest lists`);
    const sha256 = sha256Hex(content);
    if (content.length !== part.bytes || sha256 !== part.sha256)
      throw refuse('E_INVALID_INPUT', `its part “${part.name}” is not the one its manifest names (SHA-256 differs)`);
    if (SOURCE.test(part.name) && part.name !== `sources/${sha256}`)
      throw refuse('E_INVALID_INPUT', `its source file “${part.name}” is not named by its SHA-256`);
  }
  for (const name of [REVIEW, HISTORY]) if (!listed.has(name)) throw refuse('E_INVALID_INPUT', `it lacks “${name}”`);
  for (const name of entries.keys())
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name))
      throw refuse('E_INVALID_INPUT', `it holds “${name}”, which its manifest does not list`);
}

function readReview(bytes: Uint8Array, manifest: Manifest, refuse: Refuse): Review {
  const decoded = decodeReviewText(bufferView(bytes).toString('utf8'));
  if (decoded.kind !== 'current') {
    const why = decoded.kind === 'corrupt' ? decoded.reason : 'it is not of this app’s format';
    throw refuse('E_INVALID_INPUT', `its review.json cannot be read (${why})`);
  }
  if (decoded.damaged.length)
    throw refuse('E_INVALID_INPUT', `its review.json holds ${decoded.damaged.length} damaged record(s)`);
  if (decoded.review.id !== manifest.reviewId)
    throw refuse('E_INVALID_INPUT', 'its review.json is not the review its manifest names');
  return decoded.review;
}
