import type { IDENTITY_METHODS } from '../../../../shared/api';
import { deliverFile } from '../../files/deliver-file';
import { readImportSource } from '../../files/read-source';
import { MAX_KEY_FILE_BYTES } from '../../identities/certificate';
import { IdentityStore } from '../../identities/identity-store';
import type { HandlersFor } from '../dispatch';
import type { WorkstationServices } from '../workstation-services';

/** This user's signing identities, and the certificates they trust. */
export function identityHandlers(ws: WorkstationServices): HandlersFor<typeof IDENTITY_METHODS> {
  const identities = new IdentityStore(ws.dataDir, ws.clock);
  return {
    'identities.list': () => identities.list(),
    'identities.create': ({ name, role, email, passphrase }) => identities.create({ name, role, email, passphrase }),
    'identities.import': async ({ source, passphrase, role }, caller) => {
      const file = await readImportSource(source, ws.chosenFiles.takerFor('identity-file', caller), MAX_KEY_FILE_BYTES);
      return identities.importPkcs12({ bytes: file.bytes, passphrase, role });
    },
    'identities.exportCertificate': async ({ identityId, destination }, caller) => {
      const { fileName, pem } = await identities.certificatePem(identityId);
      return deliverFile(
        destination,
        { fileName, bytes: Buffer.from(pem, 'utf8'), binary: false },
        ws.chosenSavePaths.takerFor('certificate', caller),
      );
    },
    'identities.listTrusted': () => identities.listTrusted(),
    'identities.trust': async ({ source }, caller) =>
      identities.trust(
        (await readImportSource(source, ws.chosenFiles.takerFor('certificate', caller), MAX_KEY_FILE_BYTES)).bytes,
      ),
    'identities.untrust': async ({ fingerprint }) => ({ removed: await identities.untrust(fingerprint) }),
  };
}
