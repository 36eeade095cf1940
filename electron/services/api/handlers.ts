import { domainOf, type ContractDomain, type ContractDomains } from '../../../shared/contract/domains';
import type { ReviewDrafts } from '../library/review-drafts';
import type { Caller } from '../library/review-sessions';
import type { WorkstationServices } from './workstation-services';
import type { ApiHandlers, HandlersFor } from './dispatch';

type MakeHandlers<D extends ContractDomain> = (
  ws: WorkstationServices,
  drafts: () => Promise<ReviewDrafts>,
) => HandlersFor<ContractDomains[D]> | Promise<HandlersFor<ContractDomains[D]>>;
type Handler = (args: unknown, caller: Caller) => Promise<unknown>;

/** Each domain's handlers, one file per domain (two for the reviews' file), by the contract file they serve. */
const LOAD_HANDLERS: { [D in ContractDomain]: () => Promise<MakeHandlers<D>> } = {
  annotations: async () => (await import('./handlers/annotations')).annotationHandlers,
  app: async () => (await import('./handlers/app')).appHandlers,
  assessments: async () => (await import('./handlers/assessments')).assessmentHandlers,
  checklist: async () => (await import('./handlers/checklist')).checklistHandlers,
  committee: async () => (await import('./handlers/reviews')).committeeHandlers,
  compare: async () => (await import('./handlers/compare')).compareHandlers,
  exchange: async () => (await import('./handlers/exchange')).exchangeHandlers,
  files: async () => (await import('./handlers/files')).fileHandlers,
  identities: async () => (await import('./handlers/identities')).identityHandlers,
  report: async () => (await import('./handlers/report')).reportHandlers,
  reviews: async () => (await import('./handlers/reviews')).reviewHandlers,
  versions: async () => (await import('./handlers/versions')).versionHandlers,
  votes: async () => (await import('./handlers/votes')).voteHandlers,
  workspace: async () => {
    const { workspaceHandlers } = await import('./handlers/workspace');
    return async (ws, drafts) => workspaceHandlers(ws, await drafts());
  },
};

/**
 * Binds every contract method to the services, one domain per file. Arguments arrive validated. A domain's file
 * (and the libraries it needs: signing, report printing, parsers) loads on the first call of one of its methods,
 * so a host that makes a few calls (the command line's `list`) does not wait for all of them. The methods are
 * looked up by name as they are called, as the invoker finds their schemas: listing them would build the schemas
 * of the whole contract.
 */
export function createApiHandlers(ws: WorkstationServices): ApiHandlers {
  // The unsaved drafts (and their schemas) load with the workspace's methods, or when a review is deleted.
  let drafts: Promise<ReviewDrafts> | undefined;
  const draftsOf = () =>
    (drafts ??= import('../library/review-drafts').then(({ ReviewDrafts }) => new ReviewDrafts(ws.dataDir, ws.clock)));
  const made = new Map<ContractDomain, Promise<Record<string, Handler>>>();
  const handlerOf =
    (method: string, domain: ContractDomain): Handler =>
    async (args, caller) => {
      let handlers = made.get(domain);
      if (!handlers) {
        handlers = LOAD_HANDLERS[domain]().then(async (make) => (await make(ws, draftsOf)) as Record<string, Handler>);
        made.set(domain, handlers);
      }
      const handler = (await handlers)[method];
      if (!handler) throw new Error(`No handler for ${method}.`);
      return handler(args, caller);
    };
  const deleteReview = handlerOf('reviews.delete', 'reviews') as ApiHandlers['reviews.delete'];
  // A deleted review's unsaved drafts go to the trash with it.
  const deleteWithDrafts: ApiHandlers['reviews.delete'] = async (args, caller) => {
    const deleted = await deleteReview(args, caller);
    await (await draftsOf()).moveToTrash(args.reviewId, deleted.movedTo);
    return deleted;
  };
  const byName = new Map<string, Handler>([['reviews.delete', deleteWithDrafts as Handler]]);
  return new Proxy({} as ApiHandlers, {
    get(_, method) {
      const domain = domainOf(method);
      if (domain === undefined) return undefined;
      const name = method as string;
      if (!byName.has(name)) byName.set(name, handlerOf(name, domain));
      return byName.get(name);
    },
  });
}
