import type { WorkstationServices } from '../workstation';
import type { ApiHandlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { checklistHandlers } from './handlers/checklist';
import { reviewHandlers } from './handlers/reviews';
import { versionHandlers } from './handlers/versions';

/** Binds every contract method to the services, one domain per file. Arguments arrive validated. */
export function createApiHandlers(ws: WorkstationServices): ApiHandlers {
  return {
    ...appHandlers(ws),
    ...reviewHandlers(ws),
    ...checklistHandlers(ws),
    ...versionHandlers(ws),
  };
}
