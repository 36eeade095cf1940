import type { NodeKey } from 'lexical';

/**
 * Where each annotation's marks are in the editor: mark keys by annotation id, and by the block that holds them.
 * Kept beside the editor so that finding an annotation's marks never walks the document.
 */
export class MarkRegistry {
  private readonly keysById = new Map<string, NodeKey[]>();
  private readonly byBlock = new Map<number, { key: NodeKey; ids: readonly string[] }[]>();

  /** Records the marks one block was drawn with, replacing what it had. */
  setBlock(blockIndex: number, marks: { key: NodeKey; ids: readonly string[] }[]): void {
    for (const old of this.byBlock.get(blockIndex) ?? []) {
      for (const id of old.ids) {
        const keys = this.keysById.get(id);
        if (!keys) continue;
        const remaining = keys.filter((key) => key !== old.key);
        if (remaining.length) this.keysById.set(id, remaining);
        else this.keysById.delete(id);
      }
    }
    if (marks.length) this.byBlock.set(blockIndex, marks);
    else this.byBlock.delete(blockIndex);
    for (const mark of marks) {
      for (const id of mark.ids) {
        const keys = this.keysById.get(id);
        if (keys) keys.push(mark.key);
        else this.keysById.set(id, [mark.key]);
      }
    }
  }

  /** The keys of an annotation's marks, in document order within each block. */
  keysOf(id: string): readonly NodeKey[] {
    return this.keysById.get(id) ?? [];
  }

  /** Every mark with the annotations it carries. */
  *marks(): IterableIterator<{ key: NodeKey; ids: readonly string[] }> {
    for (const marks of this.byBlock.values()) yield* marks;
  }

  get markCount(): number {
    let count = 0;
    for (const marks of this.byBlock.values()) count += marks.length;
    return count;
  }

  clear(): void {
    this.keysById.clear();
    this.byBlock.clear();
  }
}
