import { useState } from 'react';
import { errorMessage } from '../api';

export interface Action<Args extends unknown[], T> {
  /** Runs the action; resolves to its result, or to undefined when it failed (the error is kept in `error`). */
  run: (...args: Args) => Promise<T | undefined>;
  busy: boolean;
  /** What went wrong the last time, in the words of the service. */
  error: string | undefined;
  clearError: () => void;
}

/** Runs a change (a call to the services), tracking whether it is running and why it last failed. */
export function useAction<Args extends unknown[], T>(perform: (...args: Args) => Promise<T>): Action<Args, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async (...args: Args) => {
    setBusy(true);
    setError(undefined);
    try {
      return await perform(...args);
    } catch (caught) {
      setError(errorMessage(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, clearError: () => setError(undefined) };
}
