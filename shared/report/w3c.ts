import type { Annotation, Author, Review, Version } from '../model';
import { richTextToPlainText } from '../rich-text';

/** The JSON-LD context of the W3C Web Annotation Data Model. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cAgent {
  type: 'Person' | 'Software';
  name: string;
  email?: string;
}

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'assessing' | 'replying';
  format?: 'text/plain';
  language?: string;
}

export interface W3cAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'replying';
  created: string;
  modified: string;
  creator: W3cAgent;
  body: W3cTextualBody[];
  target:
    | {
        type: 'SpecificResource';
        source: string;
        selector: [
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          { type: 'TextPositionSelector'; start: number; end: number },
        ];
      }
    | string;
}

export interface W3cAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: W3cAgent;
  generated: string;
  first?: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: W3cAnnotation[] };
  last?: string;
}

/** `urn:uuid:` IRIs for the review's records: stable, and never pointing at anything on a network. */
export function recordIri(id: string): string {
  return `urn:uuid:${id}`;
}

/**
 * The review's annotations as a W3C Web Annotation AnnotationCollection (JSON-LD) with one page. Each annotation
 * targets the version's canonical text (`urn:uuid:<version id>`) through a TextQuoteSelector and a
 * TextPositionSelector (positions in Unicode code points, as the model requires, not the UTF-16 units the review
 * stores), carries its comment as a TextualBody and each criterion as a tagging body; replies are annotations
 * of their own, motivated by "replying" and targeting the annotation they answer.
 */
export function annotationCollection(
  review: Review,
  options: { generatedAt: string; generator: string },
): W3cAnnotationCollection {
  const versions = new Map(review.versions.filter((v) => !v.deletedAt).map((v) => [v.id, v]));
  const live = review.annotations.filter((a) => !a.deletedAt && versions.has(a.versionId));
  const counters = new Map<string, CodePointCounter>();
  const items: W3cAnnotation[] = [];
  for (const annotation of live) {
    const version = versions.get(annotation.versionId) as Version;
    let counter = counters.get(version.id);
    if (!counter) counters.set(version.id, (counter = codePointCounter(version.text)));
    items.push(toW3c(annotation, counter));
    for (const reply of annotation.replies.filter((r) => !r.deletedAt)) {
      items.push({
        '@context': ANNO_CONTEXT,
        id: recordIri(reply.id),
        type: 'Annotation',
        motivation: 'replying',
        created: utc(reply.createdAt),
        modified: utc(reply.updatedAt),
        creator: person(reply.author),
        body: textBody(richTextToPlainText(reply.body), 'replying'),
        target: recordIri(annotation.id),
      });
    }
  }
  const collection: W3cAnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id: recordIri(review.id),
    type: 'AnnotationCollection',
    label: `Annotations of the review “${review.title}”`,
    total: items.length,
    generator: { type: 'Software', name: options.generator },
    generated: utc(options.generatedAt),
  };
  if (items.length) {
    const page = `${recordIri(review.id)}#annotations`;
    collection.first = { id: page, type: 'AnnotationPage', partOf: collection.id, startIndex: 0, items };
    collection.last = page;
  }
  return collection;
}

function toW3c(annotation: Annotation, counter: CodePointCounter): W3cAnnotation {
  const [quote, position] = annotation.target.selector;
  return {
    '@context': ANNO_CONTEXT,
    id: recordIri(annotation.id),
    type: 'Annotation',
    motivation: 'commenting',
    created: utc(annotation.createdAt),
    modified: utc(annotation.updatedAt),
    creator: person(annotation.author),
    body: [
      ...textBody(richTextToPlainText(annotation.body), 'commenting'),
      ...annotation.criterionIds.map((id): W3cTextualBody => ({ type: 'TextualBody', purpose: 'tagging', value: id })),
      { type: 'TextualBody', purpose: 'assessing', value: `severity:${annotation.severity}` },
    ],
    target: {
      type: 'SpecificResource',
      source: recordIri(annotation.versionId),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: counter(position.start), end: counter(position.end) },
      ],
    },
  };
}

/** A comment as a plain-text body; an empty comment is no body at all. */
function textBody(value: string, purpose: 'commenting' | 'replying'): W3cTextualBody[] {
  return value.trim() === '' ? [] : [{ type: 'TextualBody', value, format: 'text/plain', purpose }];
}

function person(author: Author): W3cAgent {
  const agent: W3cAgent = { type: 'Person', name: author.name };
  if (author.email) agent.email = `mailto:${author.email}`;
  return agent;
}

/** The model wants xsd:dateTime in UTC, written with "Z". */
function utc(timestamp: string): string {
  return new Date(timestamp).toISOString().replace(/\.000Z$/, 'Z');
}

type CodePointCounter = (utf16Offset: number) => number;

/** Turns UTF-16 offsets in `text` into code point offsets, with one pass over the text. */
export function codePointCounter(text: string): CodePointCounter {
  const lowSurrogates: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) lowSurrogates.push(i);
    }
  }
  if (lowSurrogates.length === 0) return (offset) => offset;
  return (offset) => {
    // Code points before `offset`: units minus the low surrogates that finish a pair before it.
    let lo = 0;
    let hi = lowSurrogates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((lowSurrogates[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}
