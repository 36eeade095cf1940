import * as Automerge from '@automerge/automerge';
import * as Y from 'yjs';
import {
  change,
  emptyMergeableReview,
  fieldsOf,
  fieldText,
  headerOf,
  isDecidedByPeople,
  splitFieldKey,
  supersededOf,
  type MergeableReview,
} from '../../../shared/domain/merge/mergeable-review';
import { setField } from '../../../shared/domain/merge/registers';
import {
  COLLECTIONS,
  collectionRecords,
  reviewHeader,
  type CollectionName,
  type FlatRecord,
} from '../../../shared/domain/merge/review-records';
import type { Author, Review } from '../../../shared/model';

// The history an earlier version of the app kept beside a review (`<id>.history.automerge`, Automerge 3's): read once,
// when the review's new history begins, for the conflicts it still holds open. Everything else it holds is in the
// review file; its open conflicts' other sides are only here, and a person has yet to decide them.

/** An older history as it was laid out (formats @2 and @3): a field's values under `<record id>|<field>`. */
interface OlderShape {
  header?: Record<string, Automerge.ImmutableString>;
  collections?: Partial<
    Record<CollectionName, { buckets?: Record<string, Record<string, Automerge.ImmutableString>> }>
  >;
  people?: Record<string, Automerge.ImmutableString>;
}

/** One side of an open conflict of an older history, with who wrote it and when. */
interface OlderSide {
  text: string;
  author: Author;
  at: string;
}

/** Where an open conflict of an older history lies, the value the history showed, and its sides. */
interface OlderConflict {
  collection: CollectionName | 'review';
  key: string;
  field: string;
  shown: string;
  sides: OlderSide[];
}

/**
 * Writes into `document` (a history begun from `review`) each conflict the older history still holds open and the
 * review still shows as that history did (a field changed in the review since was decided by that change, as the
 * older app's catch-up would have recorded): every side as a value written apart from the others, by its own writer
 * at its own time, so the conflict is open again, its sides as they were. Bytes that are no older history carry none.
 */
export function carryOlderConflicts(document: MergeableReview, bytes: Uint8Array, review: Review): number {
  let conflicts: OlderConflict[];
  try {
    conflicts = openConflictsOf(Automerge.load<OlderShape>(bytes));
  } catch {
    return 0;
  }
  const textOf = reviewTexts(review);
  const carried = conflicts.filter((conflict) => textOf(conflict) === conflict.shown);
  for (const conflict of carried) {
    for (const side of conflict.sides) {
      // A document of its own, which holds nothing: its write is made apart from every other.
      const apart = emptyMergeableReview();
      change(apart, { author: side.author, at: side.at }, 'history.carry', () => {
        const fields =
          conflict.collection === 'review'
            ? headerOf(apart)
            : fieldsOf(apart, conflict.collection, splitFieldKey(conflict.key).id);
        setField(fields, conflict.key, side.text, supersededOf(apart));
      });
      Y.applyUpdate(document, Y.encodeStateAsUpdate(apart));
    }
  }
  return carried.length;
}

/**
 * What the review holds in a conflict's field now, as the history stores it: each collection's records flattened
 * once, however many conflicts ask.
 */
function reviewTexts(review: Review): (conflict: OlderConflict) => string | undefined {
  const byKey = new Map<CollectionName, Map<string, FlatRecord>>();
  const recordsOf = (collection: CollectionName) => {
    let records = byKey.get(collection);
    if (!records) {
      records = new Map(collectionRecords(review, collection).map((record) => [record.id, record]));
      byKey.set(collection, records);
    }
    return records;
  };
  return ({ collection, key, field }) => {
    const record = collection === 'review' ? reviewHeader(review) : recordsOf(collection).get(splitFieldKey(key).id);
    const value = record?.[field];
    return value === undefined ? undefined : fieldText(value);
  };
}

function openConflictsOf(document: Automerge.Doc<OlderShape>): OlderConflict[] {
  const provenance = new OlderProvenance(document);
  const found: OlderConflict[] = [];
  const look = (
    fields: Record<string, Automerge.ImmutableString>,
    collection: CollectionName | 'review',
    key: string,
    field: string,
  ) => {
    if (!isDecidedByPeople(field)) return;
    const values = Automerge.getConflicts(fields, key);
    if (!values) return;
    const sides = Object.entries(values).flatMap(([op, value]) => {
      const text =
        typeof value === 'string' ? value : value instanceof Automerge.ImmutableString ? value.val : undefined;
      return text === undefined ? [] : [{ text, ...provenance.of(op) }];
    });
    const shown = fields[key]?.val;
    if (new Set(sides.map((side) => side.text)).size >= 2 && shown !== undefined)
      found.push({ collection, key, field, shown, sides });
  };
  for (const field of Object.keys(document.header ?? {})) look(document.header!, 'review', field, field);
  for (const collection of COLLECTIONS) {
    for (const fields of Object.values(document.collections?.[collection]?.buckets ?? {}))
      for (const key of Object.keys(fields)) look(fields, collection, key, splitFieldKey(key).field);
  }
  return found;
}

/** Who wrote an older history's operation (`counter@actor`) and when, from its table of people and its changes. */
class OlderProvenance {
  private changes: Map<string, Automerge.ChangeMetadata[]> | undefined;
  constructor(private readonly document: Automerge.Doc<OlderShape>) {}

  of(op: string): { author: Author; at: string } {
    const [counterText, actor = ''] = op.split('@');
    const counter = Number(counterText);
    const person = this.document.people?.[actor];
    const made = this.changesBy(actor).find((c) => c.startOp <= counter && counter <= c.maxOp);
    return {
      author: person ? (JSON.parse(person.val) as Author) : { name: 'Unknown' },
      at: new Date((made?.time ?? 0) * 1000).toISOString(),
    };
  }

  private changesBy(actor: string): Automerge.ChangeMetadata[] {
    if (!this.changes) {
      this.changes = new Map();
      for (const made of Automerge.getChangesMetaSince(this.document, [])) {
        const list = this.changes.get(made.actor) ?? [];
        list.push(made);
        this.changes.set(made.actor, list);
      }
    }
    return this.changes.get(actor) ?? [];
  }
}
