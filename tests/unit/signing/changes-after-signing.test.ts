import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdentityStore, type UnlockedIdentity } from '../../../electron/services/identities/identity-store';
import { changesAfterSignatures } from '../../../electron/services/signing/changes-after-signing';
import { findPdfSignatures } from '../../../electron/services/signing/pdf-signatures';
import { signPdf } from '../../../electron/services/signing/sign-pdf';
import { NO_TRUST } from '../../../electron/services/signing/trust';
import { verifyReport } from '../../../electron/services/signing/verify-report';
import { RIVERTON } from '../report/support-review';
import { PASSPHRASE, pdfsig, qpdfCheck, reportLikePdf, save, SIGNED_AT, tool, workFolder } from './support-signing';
import {
  appendCompressedUpdate,
  appendRaw,
  appendUpdate,
  itemsOf,
  objectText,
  openUpdate,
  pageCount,
  pageOf,
  redrawPage,
} from './support-tampering';

const folder = workFolder();
let amira: UnlockedIdentity;
/** A second identity with the same name, made in another data folder: anyone can make one. */
let amiraElsewhere: UnlockedIdentity;
let ben: UnlockedIdentity;
let report: Uint8Array;
let signedByAmira: Uint8Array;

const sign = (pdf: Uint8Array, who: UnlockedIdentity, meaning = 'Approved') =>
  signPdf(pdf, { signer: who.signer, key: who, meaning, signedAt: SIGNED_AT });
const verify = (bytes: Uint8Array) => verifyReport({ fileName: 'report.pdf', bytes }, NO_TRUST);

async function identity(dataDir: string, name: string, role: 'chair' | 'legal'): Promise<UnlockedIdentity> {
  const store = new IdentityStore(dataDir);
  const made = await store.create({ name, role, passphrase: PASSPHRASE });
  return store.unlock(made.id, PASSPHRASE);
}

beforeAll(async () => {
  amira = await identity(join(folder, 'amira'), 'Amira Haddad', 'chair');
  amiraElsewhere = await identity(join(folder, 'elsewhere'), 'Amira Haddad', 'chair');
  ben = await identity(join(folder, 'amira'), 'Ben Okafor', 'legal');
  report = await reportLikePdf();
  signedByAmira = await sign(report, amira);
}, 120_000);

/** The tampered file, then signed by the second "Amira Haddad": what the attack hands to a reader. */
async function countersigned(tampered: Uint8Array) {
  return verify(await sign(tampered, amiraElsewhere));
}

describe('changes made after a signature', () => {
  it('names a page redrawn after Amira signed, even once a second “Amira Haddad” has signed the tampered file', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => redrawPage(update, 1));
    // The attack is real: the text layer of page 1 now carries the verdict that was never signed.
    const file = save(folder, 'redrawn.pdf', await sign(tampered, amiraElsewhere));
    expect(tool('pdftotext', ['-f', '1', '-l', '1', file, '-'])).toContain('VERDICT: REJECTED');

    const alone = await verify(tampered);
    expect(alone.valid).toBe(false);
    expect(alone.signatures[0]!.changesAfter).toEqual(['Page 1 changed after Amira Haddad signed.']);

    const result = await verify(readFileSync(file));
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => [s.signer, s.intact, s.coversWholeFile])).toEqual([
      ['Amira Haddad', true, false],
      ['Amira Haddad', true, true],
    ]);
    expect(result.signatures[0]!.changesAfter).toEqual(['Page 1 changed after Amira Haddad (signature 1) signed.']);
    expect(result.signatures[1]!.changesAfter).toEqual([]);
    expect(result.summary).toBe(
      'Not valid: the file was changed after it was signed. Page 1 changed after Amira Haddad (signature 1) signed.',
    );
  });

  it('names a page added after signing', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const last = pageOf(update, pageCount(signedByAmira));
      const page = update.context.obj({
        Type: 'Page',
        Parent: last.parent.ref,
        MediaBox: [0, 0, 595, 842],
        Contents: update.register(update.context.stream('BT /F 24 Tf 72 700 Td (Addendum: REJECTED) Tj ET')),
      });
      const kids = itemsOf(update, last.parent.dict.get(PDFName.of('Kids')));
      last.parent.dict.set(PDFName.of('Kids'), update.context.obj([...kids, update.register(page)]));
      last.parent.dict.set(PDFName.of('Count'), PDFNumber.of(kids.length + 1));
      update.markChanged(last.parent.ref);
    });
    const result = await countersigned(tampered);
    expect(result.valid).toBe(false);
    expect(result.signatures[0]!.changesAfter).toEqual(['A page was added after Amira Haddad (signature 1) signed.']);
  });

  it('names a page removed after signing', async () => {
    const count = pageCount(signedByAmira);
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const second = pageOf(update, 2);
      const kids = itemsOf(update, second.parent.dict.get(PDFName.of('Kids'))).filter((kid) => kid !== second.ref);
      second.parent.dict.set(PDFName.of('Kids'), update.context.obj(kids));
      second.parent.dict.set(PDFName.of('Count'), PDFNumber.of(count - 1));
      update.markChanged(second.parent.ref);
    });
    const result = await countersigned(tampered);
    expect(result.signatures[0]!.changesAfter).toEqual(['Page 2 was removed after Amira Haddad (signature 1) signed.']);
    expect(result.valid).toBe(false);
  });

  it('names an annotation that is not a signature added to a page', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const page = pageOf(update, 2);
      const note = update.register(
        update.context.obj({
          Type: 'Annot',
          Subtype: 'FreeText',
          Rect: [50, 600, 550, 700],
          Contents: PDFString.of('REJECTED'),
          DA: PDFString.of('/Helv 24 Tf 1 0 0 rg'),
        }),
      );
      page.dict.set(
        PDFName.of('Annots'),
        update.context.obj([...itemsOf(update, page.dict.get(PDFName.of('Annots'))), note]),
      );
      update.markChanged(page.ref);
    });
    const result = await countersigned(tampered);
    expect(result.signatures[0]!.changesAfter).toEqual([
      'An annotation (FreeText) was added to page 2 after Amira Haddad (signature 1) signed.',
    ]);
    expect(result.valid).toBe(false);
  });

  it('names an opening action and a document-level script added to the catalog', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const catalog = update.catalog();
      const script = update.context.obj({
        S: 'JavaScript',
        JS: PDFString.of('app.alert("This report was rejected.")'),
      });
      catalog.set(PDFName.of('OpenAction'), script);
      catalog.set(
        PDFName.of('Names'),
        update.context.obj({ JavaScript: { Names: [PDFString.of('verdict'), script] } }),
      );
      update.markChanged(update.catalogRef);
    });
    const result = await countersigned(tampered);
    expect(result.signatures[0]!.changesAfter).toEqual([
      'The document’s opening action (OpenAction) was added after Amira Haddad (signature 1) signed.',
      'The document’s named scripts, attached files and destinations (Names) were added after Amira Haddad (signature 1) signed.',
    ]);
    expect(result.valid).toBe(false);
  });

  it('names a page whose content stream was pointed, by a later cross-reference section, at a shadow copy hidden in the signed bytes', async () => {
    // Before signing, the attacker slips a second "7 0 obj" (page 1's content stream) into the file, named by no
    // cross-reference section: no reader shows it, and the signer signs it with everything else.
    const update = openUpdate(report);
    const contents = pageOf(update, 1).dict.get(PDFName.of('Contents'));
    expect(contents).toBeInstanceOf(PDFRef);
    const number = (contents as PDFRef).objectNumber;
    const shadow = objectText(number, update.context.stream('BT /F4 28 Tf 72 700 Td (VERDICT: REJECTED) Tj ET'));
    const prepared = appendRaw(report, shadow, []);
    const signed = await sign(prepared, amira);
    const shadowAt = Buffer.from(signed).indexOf(`${number} 0 obj\n<<\n/Length`, report.length, 'latin1');
    expect(shadowAt).toBeGreaterThan(report.length);
    expect(shadowAt).toBeLessThan(findPdfSignatures(signed)[0]!.byteRange[1]);
    // After signing: a cross-reference section alone, pointing object 7 at the shadow copy.
    const replaced = appendRaw(signed, '', [[number, shadowAt]]);
    // The attack is real: page 1 no longer shows the text it showed when Amira signed.
    const firstPage = (pdf: Uint8Array, name: string) =>
      tool('pdftotext', ['-f', '1', '-l', '1', save(folder, name, pdf), '-']);
    expect(firstPage(signed, 'shadow-signed.pdf')).toContain('Social Media Policy');
    const file = save(folder, 'shadow.pdf', await sign(replaced, amiraElsewhere));
    expect(firstPage(readFileSync(file), 'shadow-countersigned.pdf')).not.toContain('Social Media Policy');
    const result = await verify(readFileSync(file));
    expect(result.signatures[0]!.changesAfter).toEqual(['Page 1 changed after Amira Haddad (signature 1) signed.']);
    expect(result.valid).toBe(false);
  });

  it('names every page that draws with a font replaced after signing', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const fonts = update.lookupDict(
        update.lookupDict(pageOf(update, 1).dict.get(PDFName.of('Resources')))!.get(PDFName.of('Font')),
      )!;
      const shared = fonts.get(PDFName.of('F4')) as PDFRef;
      update.lookupDict(shared)!.set(PDFName.of('BaseFont'), PDFName.of('Courier'));
      update.markChanged(shared);
    });
    const result = await countersigned(tampered);
    expect(result.signatures[0]!.changesAfter).toEqual([
      `Pages 1–${pageCount(signedByAmira)} changed after Amira Haddad (signature 1) signed.`,
    ]);
    expect(result.valid).toBe(false);
  });

  it('names a page whose content stream was deleted (freed) after signing', async () => {
    const contents = pageOf(openUpdate(signedByAmira), 1).dict.get(PDFName.of('Contents')) as PDFRef;
    const result = await countersigned(appendRaw(signedByAmira, '', [[contents.objectNumber, 'free']]));
    expect(result.signatures[0]!.changesAfter).toEqual(['Page 1 changed after Amira Haddad (signature 1) signed.']);
    expect(result.valid).toBe(false);
  });

  it('names a page that referred, when signed, to an object the file did not contain, which a later update defines', async () => {
    // Before signing, page 1 also lists a content stream that does not exist: readers draw nothing for it.
    let missing = 0;
    const prepared = await appendUpdate(report, (update) => {
      missing = update.trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber() + 500;
      const page = pageOf(update, 1);
      page.dict.set(
        PDFName.of('Contents'),
        update.context.obj([...itemsOf(update, page.dict.get(PDFName.of('Contents'))), PDFRef.of(missing)]),
      );
      update.markChanged(page.ref);
    });
    const signed = await sign(prepared, amira);
    const stream = openUpdate(signed).context.stream('q 1 1 1 rg 0 0 2000 2000 re f Q');
    const result = await countersigned(appendRaw(signed, objectText(missing, stream), [[missing, 'body']]));
    expect(result.signatures[0]!.changesAfter).toEqual(['Page 1 changed after Amira Haddad (signature 1) signed.']);
    expect(result.valid).toBe(false);
  });

  it('names a signature field added with an action that runs when it is touched', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const page = pageOf(update, 1);
      const action = update.context.obj({ S: 'JavaScript', JS: PDFString.of('this.getField("x")') });
      const field = update.register(
        update.context.obj({
          Type: 'Annot',
          Subtype: 'Widget',
          FT: 'Sig',
          T: PDFString.of('Trap'),
          Rect: [0, 0, 600, 850],
          P: page.ref,
          F: 4,
          AA: { E: action },
        }),
      );
      page.dict.set(
        PDFName.of('Annots'),
        update.context.obj([...itemsOf(update, page.dict.get(PDFName.of('Annots'))), field]),
      );
      update.markChanged(page.ref);
      const form = update.lookupDict(update.catalog().get(PDFName.of('AcroForm')))!;
      update.lookupArray(form.get(PDFName.of('Fields')))!.push(field);
      const fields = form.get(PDFName.of('Fields'));
      update.markChanged(fields instanceof PDFRef ? fields : (update.catalog().get(PDFName.of('AcroForm')) as PDFRef));
    });
    const result = await countersigned(tampered);
    expect(result.signatures[0]!.changesAfter).toEqual([
      'An annotation (Widget) was added to page 1 after Amira Haddad (signature 1) signed: it carries entries a signature field does not need (/AA).',
      'A form field (“Trap”) was added after Amira Haddad (signature 1) signed: it carries entries a signature field does not need (/AA).',
    ]);
    expect(result.valid).toBe(false);
  });

  it('names a visible signature field added over a page after the first signature, which certified the document', async () => {
    const tampered = await appendUpdate(signedByAmira, (update) => {
      const page = pageOf(update, 1);
      const picture = update.register(
        update.context.stream('q 1 1 1 rg 0 0 600 850 re f Q', {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [0, 0, 600, 850],
        }),
      );
      const field = update.register(
        update.context.obj({
          Type: 'Annot',
          Subtype: 'Widget',
          FT: 'Sig',
          T: PDFString.of('Overlay'),
          Rect: [0, 0, 600, 850],
          P: page.ref,
          F: 4,
          AP: { N: picture },
        }),
      );
      page.dict.set(
        PDFName.of('Annots'),
        update.context.obj([...itemsOf(update, page.dict.get(PDFName.of('Annots'))), field]),
      );
      update.markChanged(page.ref);
      const formRef = update.catalog().get(PDFName.of('AcroForm')) as PDFRef;
      const form = update.lookupDict(formRef)!;
      const fields = form.get(PDFName.of('Fields'));
      update.lookupArray(fields)!.push(field);
      update.markChanged(fields instanceof PDFRef ? fields : formRef);
    });
    const result = await countersigned(tampered);
    const visible = 'it is visible, and only invisible signature fields may be added after a certification signature';
    expect(result.signatures[0]!.changesAfter).toEqual([
      `An annotation (Widget) was added to page 1 after Amira Haddad (signature 1) signed: ${visible}.`,
      `A form field (“Overlay”) was added after Amira Haddad (signature 1) signed: ${visible}.`,
    ]);
    expect(result.valid).toBe(false);
  });

  it('names layer settings changed to hide content that was shown when Amira signed', async () => {
    // The signed report shows a line in an optional content group (a layer) that is on.
    const withLayer = await appendUpdate(report, (update) => {
      const layer = update.register(update.context.obj({ Type: 'OCG', Name: PDFHexString.fromText('Verdict') }));
      const defaults = update.register(update.context.obj({ ON: [layer], OFF: [], Order: [layer] }));
      update.catalog().set(PDFName.of('OCProperties'), update.context.obj({ OCGs: [layer], D: defaults }));
      update.markChanged(update.catalogRef);
      const page = pageOf(update, 1);
      const resources = update.lookupDict(page.dict.get(PDFName.of('Resources')))!;
      resources.set(PDFName.of('Properties'), update.context.obj({ Verdict: layer }));
      const line = update.register(
        update.context.stream('/OC /Verdict BDC BT /F4 20 Tf 72 780 Td (Verdict: APPROVED) Tj ET EMC'),
      );
      page.dict.set(
        PDFName.of('Contents'),
        update.context.obj([...itemsOf(update, page.dict.get(PDFName.of('Contents'))), line]),
      );
      update.markChanged(page.ref);
    });
    const signed = await sign(withLayer, amira);
    // Later, only the layer defaults are redefined: the line is hidden, and nothing on the page itself changed.
    const defaultsRef = openUpdate(signed)
      .lookupDict(openUpdate(signed).catalog().get(PDFName.of('OCProperties')))!
      .get(PDFName.of('D')) as PDFRef;
    const hidden = await appendUpdate(signed, (update) => {
      const defaults = update.lookupDict(defaultsRef)!;
      defaults.set(PDFName.of('OFF'), defaults.get(PDFName.of('ON'))!);
      defaults.set(PDFName.of('ON'), update.context.obj([]));
      update.markChanged(defaultsRef);
    });
    const result = await countersigned(hidden);
    expect(result.signatures[0]!.changesAfter).toEqual([
      'The document’s layer settings, which show or hide content (OCProperties) were changed after Amira Haddad (signature 1) signed.',
    ]);
    expect(result.valid).toBe(false);
  });

  it('reads an update written with a cross-reference stream and an object stream, and names the page it redefines there', async () => {
    const update = openUpdate(signedByAmira);
    const page = pageOf(update, 3);
    const size = update.trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber();
    const overlayRef = PDFRef.of(size);
    const overlay = update.context.flateStream('q 1 1 1 rg 0 0 2000 2000 re f Q');
    const redefined = page.dict.clone(update.context);
    redefined.set(
      PDFName.of('Contents'),
      update.context.obj([...itemsOf(update, page.dict.get(PDFName.of('Contents'))), overlayRef]),
    );
    const tampered = appendCompressedUpdate(signedByAmira, [[page.ref, redefined]], [[overlayRef, overlay]]);
    expect(Buffer.from(tampered.subarray(signedByAmira.length)).toString('latin1')).toMatch(
      /\/Type \/ObjStm[\s\S]*\/Type \/XRef/,
    );
    const result = await countersigned(tampered);
    expect(result.signatures[0]!.changesAfter).toEqual(['Page 3 changed after Amira Haddad (signature 1) signed.']);
    expect(result.valid).toBe(false);
  });

  it('says what it cannot read cannot be checked, and does not call the file valid', async () => {
    // Page 1's content stream pointed at bytes that are not an object: a reader shows a blank page, or guesses.
    const contents = pageOf(openUpdate(signedByAmira), 1).dict.get(PDFName.of('Contents')) as PDFRef;
    const broken = appendRaw(
      signedByAmira,
      `${contents.objectNumber} 0 obj\n<< /Length 12 /Filter [ (unterminated\nendobj\n`,
      [[contents.objectNumber, 'body']],
    );
    const result = await countersigned(broken);
    expect(result.signatures[0]!.changesAfter).toEqual([
      expect.stringMatching(
        /^What was changed after Amira Haddad \(signature 1\) signed cannot be checked \(object \d+ at byte \d+ cannot be read/,
      ),
    ]);
    expect(result.valid).toBe(false);
  });
});

describe('what signing itself adds, which leaves earlier signatures valid', () => {
  it('lets three members sign the report in turn', async () => {
    const three = await sign(await sign(signedByAmira, ben, 'Legal review'), amiraElsewhere);
    const result = await verify(three);
    expect(result.valid).toBe(true);
    expect(result.signatures.map((s) => s.changesAfter)).toEqual([[], [], []]);
    expect(result.summary).toMatch(/^Valid: 3 signatures/);
  });

  it('lets a PDF without signature fields be signed twice, each signature in a new invisible field', async () => {
    const foreign = readFileSync(`${RIVERTON}/v1.pdf`);
    const result = await verify(await sign(await sign(foreign, amira), ben));
    expect(result.signatures.map((s) => s.changesAfter)).toEqual([[], []]);
    expect(result.valid).toBe(true);
  });

  it('lets a PDF with cross-reference streams be signed twice', async () => {
    const compressed = save(folder, 'compressed.pdf', report);
    tool('qpdf', ['--object-streams=generate', '--replace-input', compressed]);
    const result = await verify(await sign(await sign(readFileSync(compressed), amira), ben));
    expect(result.signatures.map((s) => s.changesAfter)).toEqual([[], []]);
    expect(result.valid).toBe(true);
  });

  it('accepts validation data (a document security store) added after the last signature, and a signature after it', async () => {
    const withStore = await appendUpdate(signedByAmira, (update) => {
      const certificate = update.register(update.context.stream(amira.certificate));
      update.catalog().set(PDFName.of('DSS'), update.context.obj({ Type: 'DSS', Certs: [certificate] }));
      update.markChanged(update.catalogRef);
    });
    const result = await verify(withStore);
    expect(result.valid).toBe(true);
    expect(result.signatures[0]).toMatchObject({
      intact: true,
      coversWholeFile: false,
      validationDataAfter: true,
      changesAfter: [],
    });
    expect(result.signatures[0]!.problem).toBeUndefined();
    expect((await verify(await sign(withStore, ben))).valid).toBe(true);
  });

  it('still says bytes were added when what follows the last signature is not validation data alone', async () => {
    const withStore = await appendUpdate(signedByAmira, (update) => {
      update.catalog().set(PDFName.of('DSS'), update.context.obj({ Type: 'DSS', Certs: [] }));
      update.catalog().set(PDFName.of('PageMode'), PDFName.of('FullScreen'));
      update.markChanged(update.catalogRef);
    });
    const result = await verify(withStore);
    expect(result.valid).toBe(false);
    expect(result.signatures[0]!.changesAfter).toEqual([
      'The document’s opening view (PageMode) was added after Amira Haddad signed.',
    ]);
    expect(result.signatures[0]!.validationDataAfter).toBeUndefined();
  });

  it('counts a signature added after a certification that permits no change as a change', async () => {
    const two = await sign(signedByAmira, ben);
    const ends = findPdfSignatures(two).map((s) => s.byteRange[2] + s.byteRange[3]);
    const spans = ends.map((signedEnd, i) => ({ signedEnd, signer: i === 0 ? 'Amira Haddad' : 'Ben Okafor' }));
    expect(changesAfterSignatures(two, [{ ...spans[0]!, docMdpPermissions: 2 }, spans[1]!])).toEqual([
      { changes: [], additions: 'signatures' },
      { changes: [], additions: 'nothing' },
    ]);
    expect(changesAfterSignatures(two, [{ ...spans[0]!, docMdpPermissions: 1 }, spans[1]!])[0]!.changes).toEqual([
      'Signatures were added after Amira Haddad certified the document against any change.',
    ]);
  });

  it('keeps every file it signs acceptable to pdfsig and qpdf', async () => {
    const two = save(folder, 'two.pdf', await sign(signedByAmira, ben));
    expect(pdfsig(two).map((s) => [s.signer, s.valid])).toEqual([
      ['Amira Haddad', true],
      ['Ben Okafor', true],
    ]);
    expect(qpdfCheck(two)).toContain('No syntax or stream encoding errors found');
  });
});
