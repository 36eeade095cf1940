import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, renderReportHtml, signatureSlotCount, signatureSlotRect } from '../../../shared/report';
import { findChromium } from '../../../electron/services/report/find-chromium';
import { printWithChromium } from '../../../electron/services/report/print-with-chromium';
import { finishReportPdf } from '../../../electron/services/report/report-pdf';
import { summarizeChanges } from '../../../shared/domain/compare/change-summary';
import { IdentityStore } from '../../../electron/services/identities/identity-store';
import { signPdf } from '../../../electron/services/signing/sign-pdf';
import { REPO, rivertonReview } from './support-review';

const PAGES_DIR = join(REPO, 'test-results/report');

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.skipIf(!findChromium())('PDF report', () => {
  let printed: Uint8Array;
  let pdf: Uint8Array;
  let file: string;
  let pages: number;
  let committee: number;
  const folder = mkdtempSync(join(tmpdir(), 'policy-review-report-pdf-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  beforeAll(async () => {
    const review = await rivertonReview();
    const model = buildReportModel(review, {
      generatedAt: '2025-03-14T10:00:00.000Z',
      generator: 'Policy Review Workstation test',
      compare: summarizeChanges,
    });
    committee = model.committee.length;
    printed = await printWithChromium(renderReportHtml(model, { forPrint: true }));
    pdf = await finishReportPdf(printed, {
      title: review.title,
      reviewId: review.id,
      generator: 'Policy Review Workstation test',
      committeeSize: committee,
    });
    file = join(folder, 'report.pdf');
    writeFileSync(file, pdf);
    pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))?.[1]);
  }, 120_000);

  it('is a tagged A4 PDF with the review in its title, and qpdf finds no errors', () => {
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toContain('Title:           Review report: City of Riverton — Social Media Policy');
    expect(info).toContain('Creator:         Policy Review Workstation test');
    expect(pages).toBeGreaterThan(6);
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  });

  it('has an outline with the report’s sections', () => {
    const outline = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', file])) as {
      outlines: { title: string; kids: { title: string }[] }[];
    };
    const titles = outline.outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]);
    for (const section of [
      '1. Versions reviewed',
      '3. Summary',
      '4. Criteria and verdicts',
      '5. Members’ votes',
      '7. Action plan',
      '9. Sign-off',
      'Signatures',
    ])
      expect(titles).toContain(section);
  });

  it('prints the review title as a running header and "Page N of M" at the foot of every page but the first', () => {
    for (const page of [2, pages]) {
      const text = tool('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
      expect(text).toContain('City of Riverton — Social Media Policy');
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
    // The cover page has the title in large type instead of the running header.
    const cover = tool('pdftotext', ['-f', '1', '-l', '1', file, '-']);
    expect(cover).not.toContain('Policy review report');
    expect(cover).toContain(`Page 1 of ${pages}`);
  });

  it('leaves the signature slots of its last page blank, and puts an empty signature field on each', () => {
    const printedFile = join(folder, 'printed.pdf');
    writeFileSync(printedFile, printed);
    const words = [
      ...tool('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), printedFile, '-']).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({
      x: Number(m[1]),
      top: Number(m[2]),
      bottom: Number(m[4]),
      word: m[5],
    }));
    expect(words.map((w) => w.word)).toContain('Signatures');
    const slots = Array.from({ length: signatureSlotCount(committee) }, (_, i) => signatureSlotRect(i));
    const areaTop = Math.min(...slots.map((s) => 841.92 - (s.y + s.height)));
    const areaBottom = Math.max(...slots.map((s) => 841.92 - s.y));
    const inArea = words.filter((w) => w.bottom > areaTop && w.top < areaBottom);
    expect(inArea).toEqual([]);
    const fields = tool('pdfsig', [file]);
    expect(fields.match(/The signature form field is not signed\./g)).toHaveLength(slots.length);
  });

  it('reads well on paper: the cover, a page of verdicts and the signature page are kept as pictures to look at', () => {
    mkdirSync(PAGES_DIR, { recursive: true });
    for (const [page, name] of [
      [1, 'cover'],
      [5, 'verdicts'],
      [pages, 'signatures-empty'],
    ] as const) {
      tool('pdftoppm', [
        '-r',
        '80',
        '-png',
        '-singlefile',
        '-f',
        String(page),
        '-l',
        String(page),
        file,
        join(PAGES_DIR, name),
      ]);
    }
    // The PNG header's width and height: an A4 page, upright.
    const png = readFileSync(join(PAGES_DIR, 'cover.png'));
    expect(png.readUInt32BE(20) / png.readUInt32BE(16)).toBeCloseTo(297 / 210, 2);
  });
  it('shows each signature on the last page: signer, role, meaning and time in its field', async () => {
    const store = new IdentityStore(folder);
    let signed = pdf;
    for (const [name, role, meaning] of [
      ['Ana Díaz', 'chair', 'Approved'],
      ['Ben Okafor', 'legal', 'Legal review'],
    ] as const) {
      const identity = await store.create({ name, role, passphrase: 'correct horse battery staple' });
      const key = await store.unlock(identity.id, 'correct horse battery staple');
      signed = await signPdf(signed, { signer: key.signer, key, meaning, signedAt: new Date('2025-03-14T15:30:00Z') });
    }
    const signedFile = join(folder, 'signed.pdf');
    writeFileSync(signedFile, signed);
    const verdicts = tool('pdfsig', [signedFile]);
    expect(verdicts.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(verdicts).toContain('Total document signed');
    mkdirSync(PAGES_DIR, { recursive: true });
    tool('pdftoppm', [
      '-r',
      '80',
      '-png',
      '-singlefile',
      '-f',
      String(pages),
      '-l',
      String(pages),
      signedFile,
      join(PAGES_DIR, 'signatures-signed'),
    ]);
    expect(readFileSync(join(PAGES_DIR, 'signatures-signed.png')).length).toBeGreaterThan(10_000);
  }, 60_000);
});
