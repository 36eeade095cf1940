import { useContext, type Context } from 'react';

/** Reads one part of the open review's workspace; outside a `ReviewWorkspaceProvider` it is a programming error. */
export function usePart<T>(context: Context<T | null>, hookName: string): T {
  const value = useContext(context);
  if (!value) throw new Error(`${hookName} is used outside a ReviewWorkspaceProvider`);
  return value;
}
