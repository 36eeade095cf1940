import { useSyncExternalStore } from 'react';
import type { Annotation } from '../../../../shared/model';
import type { HighlightSource } from '../../editor/highlights/highlightsContext';

/**
 * The live annotations of the open review: the review model the screen works from. The editor only draws them
 * (it listens like any other view); every change the services confirm is applied here, and listeners hear of it
 * synchronously, so a saved annotation is highlighted in the same task.
 */
export class AnnotationStore implements HighlightSource {
  private list: readonly Annotation[];
  private readonly listeners = new Set<() => void>();

  constructor(initial: readonly Annotation[]) {
    this.list = initial.filter((annotation) => !annotation.deletedAt);
  }

  readonly getAnnotations = (): readonly Annotation[] => this.list;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): Annotation | undefined {
    return this.list.find((annotation) => annotation.id === id);
  }

  /** Adds an annotation, or replaces the one with its id (edited, resolved, restored). */
  upsert(annotation: Annotation): void {
    if (annotation.deletedAt) {
      this.remove(annotation.id);
      return;
    }
    const at = this.list.findIndex((a) => a.id === annotation.id);
    this.list = at < 0 ? [...this.list, annotation] : this.list.with(at, annotation);
    this.emit();
  }

  /** Adds or replaces many annotations at once (those carried to a version), telling listeners once. */
  upsertAll(annotations: readonly Annotation[]): void {
    const incoming = new Map(annotations.filter((a) => !a.deletedAt).map((a) => [a.id, a]));
    if (incoming.size === 0) return;
    const kept = this.list.map((a) => incoming.get(a.id) ?? a);
    const known = new Set(this.list.map((a) => a.id));
    this.list = [...kept, ...[...incoming.values()].filter((a) => !known.has(a.id))];
    this.emit();
  }

  /** Changes one annotation in place, e.g. to add a reply the services returned. */
  change(id: string, change: (annotation: Annotation) => Annotation): void {
    const current = this.get(id);
    if (current) this.upsert(change(current));
  }

  remove(id: string): void {
    const next = this.list.filter((annotation) => annotation.id !== id);
    if (next.length === this.list.length) return;
    this.list = next;
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The live annotations, re-rendering when they change. */
export function useAnnotations(store: AnnotationStore): readonly Annotation[] {
  return useSyncExternalStore(store.subscribe, store.getAnnotations);
}
