import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/services/import/parse-document';
import { DEFAULT_IMPORT_LIMITS, type ImportFormat } from '../../../electron/services/import/types';
import {
  CLOSING,
  docxWithEscapes,
  htmlWithEscapes,
  markdownWithEscapes,
  OPENING,
  PDF,
  pdfWithEscapes,
  PDI,
  PRIVACY,
  RLI,
  RLO,
  textWithBidi,
  textWithEscapes,
} from '../../../fixtures/generator/hidden-text';
import { useTempDirs } from '../support/temp-dir';
import { call, reviewIn } from './support-import';

const tempDir = useTempDirs();

/** Any C0 control but tab and line feed, DEL, or any C1 control. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const encode = (text: string) => new TextEncoder().encode(text);

const FILES: [ImportFormat, string, () => Promise<Uint8Array>][] = [
  ['txt', 'policy.txt', async () => encode(textWithEscapes())],
  ['markdown', 'policy.md', async () => encode(markdownWithEscapes())],
  ['html', 'policy.html', async () => encode(htmlWithEscapes())],
  ['docx', 'policy.docx', docxWithEscapes],
  ['pdf', 'policy.pdf', pdfWithEscapes],
];

describe('control characters in an imported document', () => {
  it.each(FILES)(
    'are removed from %s text, escape sequences whole, with a warning naming where',
    async (format, fileName, make) => {
      const parsed = await parseDocument(format, await make(), { fileName, limits: DEFAULT_IMPORT_LIMITS });
      const text = parsed.blocks.map((block) => block.text).join('\n\n');
      expect(text).not.toMatch(CONTROL);
      // The sequences' parameters go with them: neither the window title nor a stray “[8m” is left in the text.
      expect(text).not.toMatch(/TITLEAPPROVED|\[8m|\[0m|\[2J|8m/);
      expect(text).toContain(OPENING);
      expect(text).toMatch(/Staff do not post on behalf of the City/);
      expect(Object.values(parsed.metadata).join(' ')).not.toMatch(CONTROL);
      expect(parsed.warnings).toContainEqual(
        expect.stringMatching(
          /^Control characters \(such as terminal escape codes\), which are no part of a policy’s text, were removed from .*under “Privacy”/,
        ),
      );
    },
  );

  it('leave form feeds and vertical tabs as the line breaks they are, without a warning', async () => {
    const text = `${PRIVACY}\n=======\n\n${OPENING}\f\n\nStaff answer\vwithin five days.\n`;
    const parsed = await parseDocument('txt', encode(text), { fileName: 'policy.txt', limits: DEFAULT_IMPORT_LIMITS });
    expect(parsed.blocks.map((block) => block.text)).toEqual([PRIVACY, OPENING, 'Staff answer within five days.']);
    expect(parsed.warnings).toEqual([]);
  });

  it('are removed before the version is stored, and a paragraph of nothing else is left out', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const source = {
      kind: 'file' as const,
      fileName: 'policy.txt',
      dataBase64: Buffer.from(textWithEscapes()).toString('base64'),
    };
    const imported = await call(ws, 'versions.import', { reviewId, source });
    const version = await call(ws, 'versions.get', { reviewId, versionId: imported.version.id });
    expect(version.text).not.toMatch(CONTROL);
    expect(version.blocks.map((block) => block.text)).toEqual([
      PRIVACY,
      OPENING,
      'Staff do not post on behalf of the City without approval.',
      'Residents never pay for a copy of their data.',
      ...CLOSING,
    ]);
    expect(version.warnings).toEqual([
      'Control characters (such as terminal escape codes), which are no part of a policy’s ' +
        'text, were removed from paragraph 1 under “Privacy”, paragraph 2 under “Privacy” and ' +
        'paragraph 3 under “Privacy”. One paragraph held nothing else and was left out.',
    ]);
    await ws.close();
  }, 60_000);
});

describe('direction controls in an imported document', () => {
  it('are kept in the text, which is what the document says, and flagged on the version, naming where', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const source = {
      kind: 'file' as const,
      fileName: 'policy.txt',
      dataBase64: Buffer.from(textWithBidi()).toString('base64'),
    };
    const imported = await call(ws, 'versions.import', { reviewId, source });
    const version = await call(ws, 'versions.get', { reviewId, versionId: imported.version.id });
    expect(version.blocks.map((block) => block.text)).toEqual([
      PRIVACY,
      OPENING,
      `Attach the form ${RLO}fdp.exe${PDF} to the reply.`,
      `Send it to ${RLI}the officer${PDI} only.`,
    ]);
    expect(version.warnings).toEqual([
      'Characters that change the direction of text (⟨RLO⟩, ⟨PDF⟩, ⟨RLI⟩, ⟨PDI⟩) are in ' +
        'paragraph 2 under “Privacy” (“Attach the form ⟨RLO⟩fdp.exe⟨PDF⟩ to the reply.”) and ' +
        'paragraph 3 under “Privacy”. They can make words show in a different order from the text ' +
        'that is reviewed and annotated; they are kept, and the document view shows each one as a ' +
        'mark such as ⟨RLO⟩.',
    ]);
    await ws.close();
  }, 60_000);

  it.each(BIDI_FILES)('are flagged in %s files too', async (format, fileName, make) => {
    const parsed = await parseDocument(format, await make(), { fileName, limits: DEFAULT_IMPORT_LIMITS });
    expect(parsed.blocks.map((block) => block.text).join('\n')).toContain(`${RLO}fdp.exe`);
    expect(parsed.warnings).toContainEqual(
      expect.stringMatching(
        /^Characters that change the direction of text \(⟨RLO⟩\) are in paragraph \d under “Privacy”/,
      ),
    );
  });
});

const BIDI_FILES: [ImportFormat, string, () => Promise<Uint8Array>][] = [
  ['markdown', 'policy.md', async () => encode(`# ${PRIVACY}\n\nAttach ${RLO}fdp.exe\n`)],
  ['html', 'policy.html', async () => encode(`<h1>${PRIVACY}</h1><p>Attach <b>${RLO}fdp.exe</b></p>`)],
  ['docx', 'policy.docx', async () => withOverride(await docxWithEscapes())],
];

/** The Word document with an override added to its last paragraph. */
async function withOverride(docx: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace(' post on behalf of the City.', ` post. Attach ${RLO}fdp.exe`));
  return zip.generateAsync({ type: 'uint8array' });
}
