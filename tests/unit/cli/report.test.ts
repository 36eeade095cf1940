import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/services/report/find-chromium';
import { rivertonLibrary } from '../report/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('policy-review report', () => {
  it('writes the Markdown, JSON, HTML and W3C reports, keeps each with the review and prints its hash', async () => {
    const dataDir = await tempDir();
    const { review } = await rivertonLibrary(dataDir);
    for (const [format, check] of [
      ['md', (text: string) => expect(text).toContain('## 4. Criteria and verdicts')],
      [
        'json',
        (text: string) =>
          expect(JSON.parse(text)).toMatchObject({ format: 'policy-review-report', review: { id: review.id } }),
      ],
      ['html', (text: string) => expect(text).toMatch(/^<!doctype html>/)],
      [
        'w3c',
        (text: string) =>
          expect(JSON.parse(text)).toMatchObject({
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            type: 'AnnotationCollection',
          }),
      ],
    ] as const) {
      const out = join(dataDir, `report.${format}`);
      const run = await runCli([
        'report',
        review.id.slice(0, 8),
        '--format',
        format,
        '--out',
        out,
        '--json',
        '--data-dir',
        dataDir,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const printed = JSON.parse(run.stdout) as { sha256: string; keptAs: string };
      const bytes = readFileSync(out);
      expect(printed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      check(bytes.toString('utf8'));
    }
    const kept = await readdir(join(dataDir, 'reviews', `${review.id}.reports`));
    expect(kept.filter((f) => f !== 'reports.json')).toHaveLength(4);
  }, 60_000);

  it.skipIf(!findChromium())(
    'prints the PDF report with Chromium: tagged, with empty signature fields',
    async () => {
      const dataDir = await tempDir();
      const { review } = await rivertonLibrary(dataDir);
      const out = join(dataDir, 'report.pdf');
      const run = await runCli(['report', review.title, '--format', 'pdf', '--out', out, '--data-dir', dataDir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          /^Wrote .*report\.pdf \(PDF, \d+ bytes\)\.\n {4}SHA-256 [0-9a-f]{64}\n {4}/.source +
            /Kept with the review as “city-of-riverton-social-media-policy-report-\d{4}-\d{2}-\d{2}\.pdf”\./.source,
        ),
      );
      expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      expect(execFileSync('pdfsig', [out], { encoding: 'utf8' })).toContain('The signature form field is not signed.');
    },
    90_000,
  );

  it('exits 1 with one line when the format or the output is missing', async () => {
    const dataDir = await tempDir();
    const { review } = await rivertonLibrary(dataDir);
    const noFormat = await runCli([
      'report',
      review.id,
      '--format',
      'docx',
      '--out',
      join(dataDir, 'x'),
      '--data-dir',
      dataDir,
    ]);
    expect(noFormat.code).toBe(1);
    expect(noFormat.stderr.trim().split('\n')).toHaveLength(1);
    expect(noFormat.stderr).toContain('--format must be one of: pdf, html, md, json, w3c');
    const noOut = await runCli(['report', review.id, '--format', 'md', '--data-dir', dataDir]);
    expect(noOut.stderr).toContain('--out FILE is required');
  });
});
