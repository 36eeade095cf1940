import { readFile } from 'node:fs/promises';
import { ROLE_LABELS } from '../../../shared/vocabulary';
import { resolve } from 'node:path';
import { COMMITTEE_ROLES, CommitteeRole } from '../../../shared/model';
import type { IdentitySummary } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { parseCommandArgs, printJson, withContext, type CliCommand, type CliContext } from '../context';
import { COMMAND_HELP } from '../command-help';

const USAGE = COMMAND_HELP.identity.usage;

export const identityCommand: CliCommand = {
  name: 'identity',
  ...COMMAND_HELP.identity,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseCommandArgs(
      rest,
      {
        name: { type: 'string' },
        role: { type: 'string' },
        email: { type: 'string' },
        'passphrase-file': { type: 'string' },
        out: { type: 'string' },
      },
      USAGE,
    );
    await withContext(values, io, async (ctx) => {
      switch (sub) {
        case 'new': {
          if (!values.name?.trim()) throw new AppError('E_INVALID_INPUT', `--name is required. Usage: ${USAGE}`);
          const role = parseRole(values.role);
          const passphrase = await readPassphraseFile(values['passphrase-file']);
          const email = values.email?.trim();
          const identity = await ctx.call('identities.create', {
            name: values.name,
            role,
            ...(email ? { email } : {}),
            passphrase,
          });
          return printIdentity(ctx, identity, 'Made the identity');
        }
        case 'list': {
          const identities = await ctx.call('identities.list', {});
          if (ctx.json) return printJson(ctx, identities);
          if (identities.length === 0) return ctx.out('No identities yet. `policy-review identity new` makes one.');
          for (const i of identities)
            ctx.out(
              `${i.id}  ${i.name} (${ROLE_LABELS[i.role]})${i.email ? ` <${i.email}>` : ''} ` +
                ` ${i.origin === 'pkcs12' ? 'from PKCS #12' : 'self-signed'}, valid ` +
                `until ${i.certificate.notAfter.slice(0, 10)}\n    ` +
                `SHA-256 ${i.certificate.fingerprint}${cannotSign(i)}`,
            );
          return;
        }
        case 'export': {
          const out = values.out;
          if (!out) throw new AppError('E_INVALID_INPUT', `--out FILE is required. Usage: ${USAGE}`);
          const identityId = await resolveIdentityId(ctx, positionals[0]);
          await ctx.call('identities.exportCertificate', {
            identityId,
            destination: await ctx.chooseSavePath('certificate', out),
          });
          return ctx.out(
            `Wrote the certificate of ${identityId} to ${out}. Colleagues trust it with \`policy-review identity trust\` or the app's Report area.`,
          );
        }
        case 'import': {
          const file = positionals[0];
          if (!file) throw new AppError('E_INVALID_INPUT', `Name the PKCS #12 file. Usage: ${USAGE}`);
          const source = await ctx.chooseFile('identity-file', file);
          const identity = await ctx.call('identities.import', {
            source,
            passphrase: await readPassphraseFile(values['passphrase-file']),
            role: parseRole(values.role),
          });
          return printIdentity(ctx, identity, 'Imported the identity');
        }
        case 'trust': {
          const file = positionals[0];
          if (!file) throw new AppError('E_INVALID_INPUT', `Name the certificate file. Usage: ${USAGE}`);
          const trusted = await ctx.call('identities.trust', { source: await ctx.chooseFile('certificate', file) });
          if (ctx.json) return printJson(ctx, trusted);
          return ctx.out(`Trusted ${trusted.name} (${trusted.subject}).\n    SHA-256 ${trusted.fingerprint}`);
        }
        default:
          throw new AppError(
            'E_INVALID_INPUT',
            `${sub ? `“${sub}” is not an identity command.` : 'Say what to do.'} Usage: ${USAGE}`,
          );
      }
    });
  },
};

function printIdentity(ctx: CliContext, identity: IdentitySummary, verb: string): void {
  if (ctx.json) return printJson(ctx, identity);
  ctx.out(
    `${verb} ${identity.id}: ${identity.name} ` +
      `(${ROLE_LABELS[identity.role]}), ${identity.certificate.keyAlgorithm}, valid ` +
      `until ${identity.certificate.notAfter.slice(0, 10)}.\n    ` +
      `SHA-256 ${identity.certificate.fingerprint}${cannotSign(identity)}`,
  );
}

/** A line saying why an identity cannot sign, when it cannot. */
function cannotSign(identity: IdentitySummary): string {
  return identity.signingProblem ? `\n    Cannot sign: ${identity.signingProblem}` : '';
}

/** A role as typed on the command line, in any case. */
function parseRole(role: string | undefined): CommitteeRole {
  const parsed = CommitteeRole.safeParse(role?.trim().toLowerCase());
  if (!parsed.success) throw new AppError('E_INVALID_INPUT', `--role must be one of: ${COMMITTEE_ROLES.join(', ')}.`);
  return parsed.data;
}

/**
 * A passphrase from a file, never from the command line (where other users and the shell history could see it).
 * One line break at its end is not part of it.
 */
export async function readPassphraseFile(path: string | undefined): Promise<string> {
  if (!path)
    throw new AppError(
      'E_INVALID_INPUT',
      '--passphrase-file F is required: a file holding the passphrase (never the passphrase itself on the command line).',
    );
  const text = await readFile(resolve(path), 'utf8').catch(() => {
    throw new AppError('E_NOT_FOUND', `There is no passphrase file “${path}”.`);
  });
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new AppError('E_INVALID_INPUT', `The passphrase file “${path}” is empty.`);
  return passphrase;
}

/** An identity by its id or the start of it (at least 4 characters). */
export async function resolveIdentityId(ctx: CliContext, reference: string | undefined): Promise<string> {
  if (!reference)
    throw new AppError(
      'E_INVALID_INPUT',
      'Name the identity: its id or the start of it. `policy-review identity list` shows them.',
    );
  const identities = await ctx.call('identities.list', {});
  const exact = identities.find((i) => i.id === reference);
  if (exact) return exact.id;
  const matches = reference.length >= 4 ? identities.filter((i) => i.id.startsWith(reference.toLowerCase())) : [];
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1)
    throw new AppError('E_INVALID_INPUT', `“${reference}” matches ${matches.length} identities; use more of the id.`);
  throw new AppError(
    'E_NOT_FOUND',
    `There is no identity “${reference}” on this computer. \`policy-review identity list\` shows them.`,
  );
}
