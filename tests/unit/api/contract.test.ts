import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import { z } from 'zod';
import { API, isMethodName, METHOD_NAMES, type AppEvent, type MethodName } from '../../../shared/api';
import { domainOf, loadDomain, methodContract, type ContractDomain } from '../../../shared/contract/domains';
import { createApiInvoker, type ApiHandlers } from '../../../electron/services/api/dispatch';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openWorkstation, type Workstation } from '../../../electron/services/workstation/workstation';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const opened = closedAfterEach<Workstation>();

/** The window the calls come from, as main's IPC names the sender. */
const WINDOW = { windowId: '1' };

/**
 * Methods no argument can make fail their schema, each with the reason. Empty today: every method takes a strict
 * object, so even one without arguments refuses an unexpected field. A method added here must say why.
 */
const CANNOT_BE_GIVEN_A_BAD_ARGUMENT: Partial<Record<MethodName, string>> = {};

/**
 * Arguments each method must refuse: not an object, an array, and the method's own review (where it takes one) with
 * an unexpected field beside it, so that a handler run despite the schema would find something to change.
 */
function badArguments(method: MethodName, reviewId: string): { what: string; args: unknown }[] {
  const schema = API[method].args;
  const takesReview = schema instanceof z.ZodObject && 'reviewId' in schema.shape;
  return [
    { what: 'a number', args: 42 },
    { what: 'an array', args: [reviewId] },
    { what: 'an unexpected field', args: { ...(takesReview ? { reviewId } : {}), unexpectedField: true } },
  ];
}

/** The workstation's real handlers, each recording that it ran: no bad argument may reach one. */
function recordingHandlers(ws: Workstation, reached: string[]): ApiHandlers {
  const real = createApiHandlers(ws);
  const recording: Record<string, (args: never, caller: never) => Promise<unknown>> = {};
  for (const method of METHOD_NAMES) {
    const handler = real[method] as (args: never, caller: never) => Promise<unknown>;
    recording[method] = (args, caller) => {
      reached.push(method);
      return handler(args, caller);
    };
  }
  return recording as ApiHandlers;
}

/** Every file under `dir` with the sha256 of its bytes: what a call could have changed on disk. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return files;
}

describe('the API contract', () => {
  it('names every method domain.verb', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
  });

  it('recognises only its own method names', () => {
    expect(isMethodName('reviews.list')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('reviews.list ')).toBe(false);
    expect(isMethodName(42)).toBe(false);
  });

  it('finds each method in its own file of the contract, loading that file alone, as the hosts call it', async () => {
    for (const name of METHOD_NAMES) expect(await methodContract(name), name).toBe(API[name]);
    const domains = new Set(METHOD_NAMES.map((name) => domainOf(name)));
    for (const domain of domains) {
      const methods = Object.keys(await loadDomain(domain as ContractDomain));
      expect(
        methods.every((name) => domainOf(name) === domain),
        `${domain}: ${methods.join(', ')}`,
      ).toBe(true);
    }
    expect([...domains].every((domain) => domain !== undefined)).toBe(true);
    for (const name of ['toString', '__proto__', 'reviews.list ', 'reviews.toString', 'reviews', 'x.list', 42]) {
      expect(await methodContract(name), String(name)).toBeUndefined();
    }
  });

  it('lists only methods of the contract among those that cannot be given a bad argument', () => {
    for (const name of Object.keys(CANNOT_BE_GIVEN_A_BAD_ARGUMENT)) expect(METHOD_NAMES).toContain(name);
  });

  it('refuses a bad argument to every method with E_INVALID_INPUT, through the real dispatch, and changes nothing', async () => {
    const dataDir = await tempDir();
    const hostCalls: string[] = [];
    const ws = await openWorkstation({
      dataDir,
      host: 'electron',
      checkResults: true,
      logError: (method, error) => hostCalls.push(`logged an error from ${method}: ${String(error)}`),
      chooseFiles: (purpose) => (hostCalls.push(`file dialog for ${purpose}`), Promise.resolve([])),
      chooseSaveFile: (purpose) => (hostCalls.push(`save dialog for ${purpose}`), Promise.resolve(undefined)),
      printPdf: () => (hostCalls.push('printed a PDF'), Promise.resolve(new Uint8Array())),
      startServiceProcess: () => {
        hostCalls.push('started a parsing process');
        throw new Error('no parsing process in this test');
      },
    });
    opened.push(ws);
    // A review open for writing in the calling window: a handler that ran despite its schema could change it.
    const created = await ws.invoke('reviews.create', { title: 'Social media policy 2026' }, WINDOW);
    if (!created.ok) throw new Error(created.error.message);
    const { id: reviewId } = created.value as { id: string };
    expect(await ws.invoke('reviews.open', { reviewId }, WINDOW)).toMatchObject({
      ok: true,
      value: { readOnly: false },
    });
    const events: AppEvent[] = [];
    ws.onEvent((event) => events.push(event));
    const before = await snapshot(dataDir);
    // The dispatch the app's IPC calls (ws.invoke), built the same way over the same services, with handlers that
    // record whether they ran: a handler that checks its input again must not hide a schema that let it through.
    const reached: string[] = [];
    const invoke = createApiInvoker(recordingHandlers(ws, reached), { checkResults: true });

    const accepted: string[] = [];
    const methodsWithoutBadArgument: string[] = [];
    for (const method of METHOD_NAMES) {
      let refusedOne = false;
      for (const { what, args } of badArguments(method, reviewId)) {
        const result = await invoke(method, args, WINDOW);
        if (result.ok || result.error.code !== 'E_INVALID_INPUT') {
          accepted.push(`${method} given ${what} answered ${JSON.stringify(result).slice(0, 200)}`);
          continue;
        }
        refusedOne = true;
        expect(result.error.message, `${method} given ${what}`).toMatch(/\w/);
      }
      if (!refusedOne) methodsWithoutBadArgument.push(method);
    }

    const known = Object.keys(CANNOT_BE_GIVEN_A_BAD_ARGUMENT);
    expect(
      methodsWithoutBadArgument.sort(),
      'methods that took every bad argument; if that is right, list them with why',
    ).toEqual(known.sort());
    expect(accepted.filter((line) => !known.some((method) => line.startsWith(`${method} `)))).toEqual([]);
    expect(reached, 'handlers run despite a bad argument').toEqual([]);
    expect(hostCalls).toEqual([]);
    expect(events).toEqual([]);
    expect(await snapshot(dataDir)).toEqual(before);
    expect(METHOD_NAMES.length).toBeGreaterThan(60);
  });
});
