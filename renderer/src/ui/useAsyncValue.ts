import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { call } from '../api';

export interface AsyncValue<T> {
  /** The last value loaded; kept while a reload runs so the screen does not flash. */
  data: T | undefined;
  /** Why the last load failed, if it did. */
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the value after a change the screen made itself, without asking again. */
  update: (change: (current: T | undefined) => T | undefined) => void;
}

interface Answer<T> {
  /** Which request this answers: the key and the reload count it was asked for. */
  request: string;
  data: T | undefined;
  error: Error | undefined;
}

/**
 * Loads a value whenever `key` changes (or `reload()` is called) and ignores answers to requests that were
 * superseded. `load` is read at the time of each request, so it need not be stable.
 */
export function useAsyncValue<T>(key: string | null, load: () => Promise<T>): AsyncValue<T> {
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>({ request: '', data: undefined, error: undefined });
  const request = key === null ? '' : `${key}#${generation}`;
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    if (!request) return;
    let current = true;
    runLoad().then(
      (data) => current && setAnswer({ request, data, error: undefined }),
      (error: unknown) =>
        current &&
        setAnswer((previous) => ({
          request,
          data: previous.data,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    );
    return () => {
      current = false;
    };
  }, [request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback(
    (change: (current: T | undefined) => T | undefined) =>
      setAnswer((previous) => ({ ...previous, data: change(previous.data) })),
    [],
  );
  const loading = request !== '' && answer.request !== request;
  return { data: answer.data, error: loading ? undefined : answer.error, loading, reload, update };
}

/** Calls one contract method and keeps its answer; asks again when the arguments change. */
export function useApiQuery<M extends MethodName>(method: M, args: MethodArgs<M>): AsyncValue<MethodResult<M>> {
  const key = `${method}:${JSON.stringify(args)}`;
  return useAsyncValue(key, () => call(method, args));
}
