import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { targetForRange } from '../../../shared/anchoring';
import {
  ANNO_CONTEXT,
  annotationCollection,
  codePointCounter,
  type W3cAnnotationCollection,
} from '../../../shared/report';
import type { Review } from '../../../shared/model';
import { comment, rivertonReview } from './support-review';

const GENERATED_AT = '2025-03-14T10:00:00.000Z';

/** The W3C Web Annotation Data Model's motivations (§3.3.5), which are also the values `purpose` may take. */
const MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);
const XSD_DATETIME_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function isIri(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every MUST of the Web Annotation Data Model (W3C Recommendation, 23 February 2017) that this export touches,
 * checked on the JSON as written; returns the broken rules, each with where.
 */
function mustViolations(collection: unknown, texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const must = (ok: boolean, rule: string) => {
    if (!ok) problems.push(rule);
  };
  const c = collection as Record<string, unknown>;
  // §5.1 Annotation Collection
  must(
    c['@context'] === ANNO_CONTEXT || (Array.isArray(c['@context']) && c['@context'].includes(ANNO_CONTEXT)),
    'collection: @context must include the anno.jsonld context',
  );
  must(isIri(c.id), 'collection: id must be an IRI');
  must(
    c.type === 'AnnotationCollection' || (Array.isArray(c.type) && c.type.includes('AnnotationCollection')),
    'collection: type must include AnnotationCollection',
  );
  const first = c.first as Record<string, unknown> | undefined;
  const total = c.total as number;
  must(Number.isInteger(total) && total >= 0, 'collection: total must be a non-negative integer');
  if (total > 0) must(first !== undefined, 'collection: a collection with annotations must have first');
  if (!first) return problems;
  // §5.2 Annotation Page
  must(isIri(first.id), 'page: id must be an IRI');
  must(first.type === 'AnnotationPage', 'page: type must be AnnotationPage');
  must(Array.isArray(first.items), 'page: items must be a list');
  if (first.partOf !== undefined) must(first.partOf === c.id, 'page: partOf must be the collection');
  const items = (first.items ?? []) as Record<string, unknown>[];
  must(items.length === total, 'collection: total must count the annotations');
  const ids = new Set<string>();
  items.forEach((a, i) => {
    const at = `annotation ${i}`;
    // §3.1 Annotations
    must(
      a['@context'] === ANNO_CONTEXT || (Array.isArray(a['@context']) && a['@context'].includes(ANNO_CONTEXT)),
      `${at}: @context must include anno.jsonld (and be a string when it is the only one)`,
    );
    must(isIri(a.id) && !Array.isArray(a.id), `${at}: exactly one id, an IRI`);
    must(!ids.has(a.id as string), `${at}: ids must be unique`);
    ids.add(a.id as string);
    must(
      a.type === 'Annotation' || (Array.isArray(a.type) && a.type.includes('Annotation')),
      `${at}: type must include Annotation`,
    );
    must(a.target !== undefined && (!Array.isArray(a.target) || a.target.length > 0), `${at}: one or more targets`);
    if (a.motivation !== undefined)
      must(MOTIVATIONS.has(a.motivation as string), `${at}: motivation must be one of the model's`);
    // §3.3.1 Lifecycle: dates are xsd:dateTime in UTC with "Z"
    for (const key of ['created', 'modified', 'generated']) {
      if (a[key] !== undefined)
        must(
          typeof a[key] === 'string' && XSD_DATETIME_UTC.test(a[key]),
          `${at}: ${key} must be an xsd:dateTime in UTC ("Z")`,
        );
    }
    // §3.3.2 Agents
    const creator = a.creator as Record<string, unknown> | undefined;
    if (creator) {
      must(
        ['Person', 'Organization', 'Software'].includes(creator.type as string),
        `${at}: creator type must be an agent class`,
      );
      if (creator.email !== undefined)
        must(
          typeof creator.email === 'string' && creator.email.startsWith('mailto:'),
          `${at}: creator email must be a mailto: IRI`,
        );
    }
    // §3.2.4 Embedded Textual Body
    for (const body of (Array.isArray(a.body) ? a.body : a.body ? [a.body] : []) as Record<string, unknown>[]) {
      must(body.type === 'TextualBody', `${at}: an embedded textual body must have type TextualBody`);
      must(
        typeof body.value === 'string' && !Array.isArray(body.value),
        `${at}: a TextualBody must have exactly one value`,
      );
      if (body.purpose !== undefined)
        must(MOTIVATIONS.has(body.purpose as string), `${at}: body purpose must be one of the model's motivations`);
      if (body.format !== undefined)
        must(/^[a-z]+\/[a-z0-9.+-]+$/.test(body.format as string), `${at}: format must be a media type`);
    }
    const target = a.target as Record<string, unknown> | string;
    if (typeof target === 'string') {
      must(isIri(target), `${at}: a target given as a string must be an IRI`);
      must(
        ids.has(target) || items.some((b) => b.id === target),
        `${at}: a reply targets an annotation of the collection`,
      );
      return;
    }
    // §4 Specific Resources and §4.2 Selectors
    must(
      isIri(target.source) && !Array.isArray(target.source),
      `${at}: a specific resource has exactly one source, an IRI`,
    );
    const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]) as Record<
      string,
      unknown
    >[];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    must(
      quote !== undefined && typeof quote.exact === 'string' && quote.exact !== '',
      `${at}: TextQuoteSelector must have exactly one exact`,
    );
    must(
      position !== undefined &&
        Number.isInteger(position.start) &&
        Number.isInteger(position.end) &&
        (position.start as number) >= 0 &&
        (position.end as number) >= (position.start as number),
      `${at}: TextPositionSelector needs start and end, non-negative integers, end not before start`,
    );
    // Both selectors must describe the same segment: positions count code points, not UTF-16 units.
    const text = texts.get(String(target.source).replace('urn:uuid:', ''));
    if (text && quote && position) {
      const codePoints = [...text];
      must(
        codePoints.slice(position.start as number, position.end as number).join('') === quote.exact,
        `${at}: the position selector (code points) and the quote must select the same text`,
      );
    }
  });
  return problems;
}

describe('W3C Web Annotation export', () => {
  it('follows every MUST of the model for the Riverton review', async () => {
    const review = await rivertonReview();
    const collection = annotationCollection(review, {
      generatedAt: GENERATED_AT,
      generator: 'Policy Review Workstation test',
    });
    const texts = new Map(review.versions.map((v) => [v.id, v.text]));
    expect(mustViolations(JSON.parse(JSON.stringify(collection)), texts)).toEqual([]);
    expect(collection.total).toBe(
      review.annotations.length + review.annotations.reduce((n, a) => n + a.replies.length, 0),
    );
  });

  it('tags each annotation with its criteria, says its severity, and keeps the comment as plain text', async () => {
    const review = await rivertonReview();
    const collection = annotationCollection(review, { generatedAt: GENERATED_AT, generator: 'test' });
    const ai = review.annotations.find((a) => a.criterionIds.includes('content.ai-generated'))!;
    const exported = collection.first!.items.find((item) => item.id === `urn:uuid:${ai.id}`)!;
    expect(exported.motivation).toBe('commenting');
    expect(exported.body).toEqual([
      {
        type: 'TextualBody',
        value: expect.stringContaining('The AI rules do not say which tools are approved'),
        format: 'text/plain',
        purpose: 'commenting',
      },
      { type: 'TextualBody', purpose: 'tagging', value: 'content.ai-generated' },
      { type: 'TextualBody', purpose: 'tagging', value: 'privacy.data-protection-law' },
      { type: 'TextualBody', purpose: 'assessing', value: 'severity:critical' },
    ]);
    expect(exported.creator).toEqual({ type: 'Person', name: 'Chen Wei' });
    expect(typeof exported.target === 'object' && exported.target.source).toBe(`urn:uuid:${ai.versionId}`);
    const reply = collection.first!.items.find((item) => item.motivation === 'replying')!;
    expect(reply.target).toBe(`urn:uuid:${ai.id}`);
  });

  it('counts positions in code points when the text has characters outside the BMP', async () => {
    const review: Review = await rivertonReview();
    const version = review.versions[1]!;
    const prefix = 'Emoji 👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 come first. ';
    version.text = `${prefix}${version.text}`;
    const start = version.text.indexOf('Multi-factor authentication');
    review.annotations = [
      {
        id: randomUUID(),
        versionId: version.id,
        target: targetForRange(version.text, version.id, { start, end: start + 'Multi-factor authentication'.length }),
        criterionIds: ['security.credentials-mfa'],
        severity: 'info',
        status: 'open',
        body: comment('Required now.'),
        author: { name: 'Ana Díaz', email: 'ana@riverton.example' },
        createdAt: '2025-03-10T10:30:00+01:00',
        updatedAt: '2025-03-10T10:30:00+01:00',
        replies: [],
        anchorState: 'anchored',
      },
    ];
    const collection: W3cAnnotationCollection = annotationCollection(review, {
      generatedAt: GENERATED_AT,
      generator: 'test',
    });
    const [item] = collection.first!.items;
    const target = item!.target;
    if (typeof target === 'string') throw new Error('an annotation targets the text, not another annotation');
    const surrogatePairs = prefix.length - [...prefix].length;
    expect(surrogatePairs).toBeGreaterThan(0);
    expect(target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: start - surrogatePairs,
      end: start - surrogatePairs + 27,
    });
    expect(item!.created).toBe('2025-03-10T09:30:00Z');
    expect(item!.creator).toEqual({ type: 'Person', name: 'Ana Díaz', email: 'mailto:ana@riverton.example' });
    expect(mustViolations(collection, new Map([[version.id, version.text]]))).toEqual([]);
  });

  it('turns UTF-16 offsets into code point offsets', () => {
    const count = codePointCounter('a😀b😀c');
    expect([0, 1, 3, 4, 6, 7].map(count)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(codePointCounter('plain')(3)).toBe(3);
  });

  it('leaves out deleted annotations, and writes no page for a review without annotations', async () => {
    const review = await rivertonReview();
    for (const a of review.annotations) a.deletedAt = '2025-03-11T00:00:00.000Z';
    const collection = annotationCollection(review, { generatedAt: GENERATED_AT, generator: 'test' });
    expect(collection.total).toBe(0);
    expect(collection.first).toBeUndefined();
    expect(mustViolations(collection, new Map())).toEqual([]);
  });
});
