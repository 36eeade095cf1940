import type { APP_METHODS } from '../../../../shared/api';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';

/** The app itself and the user’s settings. */
export function appHandlers(ws: WorkstationServices): HandlersFor<typeof APP_METHODS> {
  const { settings } = ws;
  return {
    'app.info': async () => ws.info(),
    'settings.get': async () => settings.settings,
    'settings.set': async ({ user }) => settings.update({ ...settings.settings, user }),
  };
}
