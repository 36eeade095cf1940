import { afterEach } from 'vitest';

/** A list to put what a test opens in (workstations): each is closed after the test, and the list emptied. */
export function closedAfterEach<T extends { close(): Promise<void> }>(): T[] {
  const opened: T[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close()));
  });
  return opened;
}
