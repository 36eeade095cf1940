import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES, type ImportSource, type MethodResult } from '../../../../shared/api';
import { callInReview, errorMessage, onAppEvent } from '../../api';
import { fileToBase64 } from '../../ui/files';
import type { ImportJob } from './importJobs';

/** A file to import: one the person dropped or picked in the page, or one main's native dialog chose. */
export type ImportItem = { kind: 'file'; file: File } | { kind: 'chosen'; token: string; fileName: string };

export type ImportResult = MethodResult<'versions.import'>;

const nameOf = (item: ImportItem) => (item.kind === 'file' ? item.file.name : item.fileName);
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Imports files one after another, so versions are added in the order the person gave them and only one file is
 * in memory at a time. Each file is a job in the list the area shows: waiting, running (with the services'
 * progress events), imported (with its warnings) or failed (with the services' message). A finished job stays
 * until the person dismisses it.
 */
export function useImportQueue(reviewId: string, onImported: (result: ImportResult) => Promise<void>) {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const queue = useRef<{ id: string; item: ImportItem }[]>([]);
  const draining = useRef(false);
  const mounted = useRef(false);
  const latestOnImported = useRef(onImported);
  useLayoutEffect(() => {
    latestOnImported.current = onImported;
  });

  useEffect(() => {
    mounted.current = true;
    // Files still waiting when the review closes are not imported.
    return () => {
      mounted.current = false;
      queue.current = [];
    };
  }, []);

  // The services report each stage of the running import under the request id the job was given.
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type !== 'import.progress') return;
        setJobs((all) =>
          all.map((job) =>
            job.id === event.requestId && job.state === 'running'
              ? { ...job, stage: event.stage, done: event.done, total: event.total }
              : job,
          ),
        );
      }),
    [],
  );

  const put = (next: ImportJob) => setJobs((all) => all.map((job) => (job.id === next.id ? next : job)));

  const importOne = async (id: string, item: ImportItem) => {
    const fileName = nameOf(item);
    put({ id, fileName, state: 'running', stage: 'reading' });
    try {
      let source: ImportSource;
      if (item.kind === 'file') {
        if (item.file.size > MAX_IMPORT_BYTES) {
          throw new Error(
            `“${fileName}” is ${megabytes(item.file.size)}; the most this app imports ` +
              `is ${megabytes(MAX_IMPORT_BYTES)}. Import the policy without attachments or images, or ` +
              `split it into parts.`,
          );
        }
        const dataBase64 = await fileToBase64(item.file, (done, total) =>
          put({ id, fileName, state: 'running', stage: 'reading', done, total }),
        );
        source = { kind: 'file', fileName, dataBase64 };
      } else {
        source = { kind: 'chosen', token: item.token };
      }
      const result = await callInReview(reviewId, 'versions.import', { reviewId, source, requestId: id });
      put({
        id,
        fileName,
        state: 'imported',
        label: result.version.label,
        blocks: result.version.blocks,
        warnings: result.warnings,
      });
      await latestOnImported.current(result);
    } catch (error) {
      put({ id, fileName, state: 'failed', message: errorMessage(error) });
    }
  };

  const drain = async () => {
    if (draining.current) return;
    draining.current = true;
    try {
      for (let next = queue.current.shift(); next && mounted.current; next = queue.current.shift()) {
        await importOne(next.id, next.item);
      }
    } finally {
      draining.current = false;
    }
  };

  /** Adds files to the end of the queue, in the order given. */
  const enqueue = (items: readonly ImportItem[]) => {
    if (items.length === 0) return;
    const added = items.map((item) => ({ id: crypto.randomUUID(), item }));
    queue.current.push(...added);
    setJobs((all) => [
      ...all,
      ...added.map(({ id, item }): ImportJob => ({ id, fileName: nameOf(item), state: 'waiting' })),
    ]);
    void drain();
  };

  /** Shows a file that cannot be imported at all (a folder) as a failed job, without asking the services. */
  const refuse = (fileName: string, message: string) =>
    setJobs((all) => [...all, { id: crypto.randomUUID(), fileName, state: 'failed', message }]);

  /** Forgets a finished job, or takes a waiting file out of the queue. A running import cannot be stopped. */
  const dismiss = useCallback((id: string) => {
    queue.current = queue.current.filter((next) => next.id !== id);
    setJobs((all) => all.filter((job) => job.id !== id || job.state === 'running'));
  }, []);
  const dismissFinished = useCallback(
    () => setJobs((all) => all.filter((job) => job.state === 'waiting' || job.state === 'running')),
    [],
  );

  return { jobs, enqueue, refuse, dismiss, dismissFinished };
}
