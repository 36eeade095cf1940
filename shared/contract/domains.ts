import type { z } from 'zod';
import type { ANNOTATION_METHODS } from './annotations';
import type { APP_METHODS } from './app';
import type { ASSESSMENT_METHODS } from './assessments';
import type { CHECKLIST_METHODS } from './checklist';
import type { COMMITTEE_METHODS } from './committee';
import type { COMPARE_METHODS } from './compare';
import type { EXCHANGE_METHODS } from './exchange';
import type { FILE_METHODS } from './files';
import type { IDENTITY_METHODS } from './identities';
import type { REPORT_METHODS } from './report';
import type { REVIEW_METHODS } from './reviews';
import type { VERSION_METHODS } from './versions';
import type { VOTE_METHODS } from './votes';
import type { WORKSPACE_METHODS } from './workspace';

/** The methods of each file of the contract, by the file's name. */
export interface ContractDomains {
  annotations: typeof ANNOTATION_METHODS;
  app: typeof APP_METHODS;
  assessments: typeof ASSESSMENT_METHODS;
  checklist: typeof CHECKLIST_METHODS;
  committee: typeof COMMITTEE_METHODS;
  compare: typeof COMPARE_METHODS;
  exchange: typeof EXCHANGE_METHODS;
  files: typeof FILE_METHODS;
  identities: typeof IDENTITY_METHODS;
  report: typeof REPORT_METHODS;
  reviews: typeof REVIEW_METHODS;
  versions: typeof VERSION_METHODS;
  votes: typeof VOTE_METHODS;
  workspace: typeof WORKSPACE_METHODS;
}
export type ContractDomain = keyof ContractDomains;

/** A contract method: the schemas of its arguments and of its result. */
export interface MethodContract {
  args: z.ZodType;
  result: z.ZodType;
}

/**
 * Each file of the contract, loaded (its schemas built) when one of its methods is first needed. `shared/api.ts`
 * builds them all at once, as the renderer and the preload need; a host that serves a few calls (the command line's
 * `list` makes one) builds only those files, since building every schema takes longer than Node takes to start.
 */
const LOAD_DOMAIN: { [D in ContractDomain]: () => Promise<ContractDomains[D]> } = {
  annotations: async () => (await import('./annotations')).ANNOTATION_METHODS,
  app: async () => (await import('./app')).APP_METHODS,
  assessments: async () => (await import('./assessments')).ASSESSMENT_METHODS,
  checklist: async () => (await import('./checklist')).CHECKLIST_METHODS,
  committee: async () => (await import('./committee')).COMMITTEE_METHODS,
  compare: async () => (await import('./compare')).COMPARE_METHODS,
  exchange: async () => (await import('./exchange')).EXCHANGE_METHODS,
  files: async () => (await import('./files')).FILE_METHODS,
  identities: async () => (await import('./identities')).IDENTITY_METHODS,
  report: async () => (await import('./report')).REPORT_METHODS,
  reviews: async () => (await import('./reviews')).REVIEW_METHODS,
  versions: async () => (await import('./versions')).VERSION_METHODS,
  votes: async () => (await import('./votes')).VOTE_METHODS,
  workspace: async () => (await import('./workspace')).WORKSPACE_METHODS,
};

/**
 * The file of the contract a method is in, by the first word of its name (`reviews.list`: reviews). A test checks
 * this against the whole contract, so a method under a new word fails there, not in a host.
 */
const DOMAIN_BY_FIRST_WORD: Readonly<Record<string, ContractDomain>> = {
  actions: 'assessments',
  annotations: 'annotations',
  app: 'app',
  assessments: 'assessments',
  audit: 'workspace',
  checklist: 'checklist',
  committee: 'committee',
  compare: 'compare',
  conflicts: 'exchange',
  drafts: 'workspace',
  files: 'files',
  history: 'exchange',
  identities: 'identities',
  packages: 'exchange',
  report: 'report',
  reviews: 'reviews',
  settings: 'app',
  versions: 'versions',
  votes: 'votes',
};

/** The contract file that would hold a method of this name, or undefined for a name no file can hold. */
export function domainOf(method: unknown): ContractDomain | undefined {
  if (typeof method !== 'string' || !method.includes('.')) return undefined;
  const firstWord = method.slice(0, method.indexOf('.'));
  return Object.hasOwn(DOMAIN_BY_FIRST_WORD, firstWord) ? DOMAIN_BY_FIRST_WORD[firstWord] : undefined;
}

/** Loads one file of the contract (once: a module is evaluated once however often it is imported). */
export function loadDomain<D extends ContractDomain>(domain: D): Promise<ContractDomains[D]> {
  return LOAD_DOMAIN[domain]();
}

/** A method's schemas, loading only its file of the contract; undefined for a name that is not in the contract. */
export async function methodContract(method: unknown): Promise<MethodContract | undefined> {
  const domain = domainOf(method);
  if (domain === undefined) return undefined;
  const methods: Readonly<Record<string, MethodContract>> = await loadDomain(domain);
  return Object.hasOwn(methods, method as string) ? methods[method as string] : undefined;
}
