// Test inputs for the PDF parser, made the way real policies are: an HTML page printed to PDF by Chromium
// (tagged, with an outline, a running head and "Page N of M" feet), like a browser's or Electron's "Save as PDF".
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);

export const RUNNING_HEAD = 'City of Testville — Social Media Policy';

/** The policy's text, so tests can compare what the parser read with what was printed. */
export const POLICY = {
  title: 'Social Media Policy',
  intro:
    'This policy sets out how the City of Testville uses social media to inform residents, to ' +
    'listen to them and to answer their questions, and how staff behave when they use social ' +
    'media in their work, in their spare time and in their private life. It replaces the ' +
    'guidance on online communication of March 2019 and applies from the first day of the ' +
    'month after the council adopts it.',
  purpose:
    'Social media let the city reach residents where they already are, but every post speaks ' +
    'for the council. The purpose of this policy is to make sure that each official account ' +
    'has a named owner, that posts are accurate, respectful and accessible, and that personal ' +
    'data shared by residents in comments or messages is handled with the same care as data ' +
    'sent to the city by letter or by e-mail.',
  hyphenated: 'All posts follow the city’s internationalization guidelines.',
  bullets: [
    'Official accounts need approval from the communications office.',
    'Personal accounts are personal and must not use the city’s logo.',
  ],
  nestedBullet: 'The communications office keeps the list of approved accounts.',
  steps: [
    'Apply to the communications office with the form in the annex.',
    'Wait for written approval before the first post.',
  ],
  table: [
    ['Account', 'Owner'],
    ['@testville', 'Communications office'],
    ['@testville_fire', 'Fire service'],
  ],
  scope:
    'This paragraph is on page two. The policy applies to all staff, contractors and ' +
    'volunteers who post on behalf of the city on any platform, including platforms that ' +
    'appear after this policy was adopted, and to elected members when they use an account the ' +
    'city runs for them.',
  exceptions: 'Emergency services keep their own accounts, but follow the rules on personal data in section 4.',
  // Lower case throughout and no full stop before its end, so the paragraph is known to go on after the page break.
  acrossPages:
    'Staff who manage an official account keep a record of every post, reply and direct ' +
    'message they send, keep the passwords of the account in the password manager of the city ' +
    'and never in a browser or a spreadsheet, turn on two-step sign-in wherever the platform ' +
    'offers it, remove the access of colleagues who leave the team on their last working day, ' +
    'report a lost phone or a suspected break-in to the service desk at once and without ' +
    'waiting for office hours, answer questions from residents within two working days or say ' +
    'when an answer will come, move a conversation that needs personal data to a channel the ' +
    'city controls, and keep to the rules on records so that posts, replies and messages can ' +
    'be found again when a resident, an auditor or a court asks for them.',
  review: 'The committee reviews this policy every two years, or sooner when the law or the platforms change.',
} as const;

/** Headings as printed: [level, text]. */
export const POLICY_HEADINGS: readonly (readonly [number, string])[] = [
  [1, 'Social Media Policy'],
  [2, '1. Purpose'],
  [3, '1.1 Official accounts'],
  [2, '2. Scope'],
  [3, '2.1 Exceptions'],
  [2, '3. Records'],
  [2, '4. Review'],
];

export function policyHtml(): string {
  const p = POLICY;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${p.title}</title>
<style>
  body { font-family: serif; font-size: 12pt; line-height: 1.4; }
  h1 { font-size: 24pt; } h2 { font-size: 18pt; } h3 { font-size: 14pt; }
  .page { break-before: page; }
  .narrow { width: 28mm; }
  table { border-collapse: collapse; } th, td { border: 1px solid #444; padding: 2mm 4mm; text-align: left; }
</style></head><body>
<h1>${p.title}</h1>
<p>${p.intro}</p>
<h2>1. Purpose</h2>
<p>${p.purpose}</p>
<p class="narrow">${p.hyphenated.replace('internationalization', 'inter&shy;nationalization')}</p>
<h3>1.1 Official accounts</h3>
<ul>
  <li>${p.bullets[0]}<ul><li>${p.nestedBullet}</li></ul></li>
  <li>${p.bullets[1]}</li>
</ul>
<ol>${p.steps.map((step) => `<li>${step}</li>`).join('')}</ol>
<table>
  <thead><tr>${p.table[0]!.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead>
  <tbody>${p.table
    .slice(1)
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody>
</table>
<h2 class="page">2. Scope</h2>
<p>${p.scope}</p>
<h3>2.1 Exceptions</h3>
<p>${p.exceptions}</p>
<h2 class="page">3. Records</h2>
<div style="height: 205mm"></div>
<p>${p.acrossPages}</p>
<h2>4. Review</h2>
<p>${p.review}</p>
</body></html>`;
}

/**
 * Prints HTML to an A4 PDF in Chromium with a running head and "Page N of M" feet; tagged and with an outline unless
 * `tagged` is false (then the PDF has only its text and the type sizes, like the output of older programs).
 */
export async function printPdf(html: string, { tagged = true }: { tagged?: boolean } = {}): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;text-align:center">${RUNNING_HEAD}</div>`,
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '20mm', bottom: '20mm' },
      tagged,
      outline: tagged,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** A long policy (about `pages` A4 pages of numbered sections), for measuring. */
export function longPolicyHtml(pages: number): string {
  const sections: string[] = [];
  for (let i = 1; i <= pages * 2; i++) {
    sections.push(`<h2>${i}. Section ${i}</h2>`);
    for (let j = 0; j < 3; j++) sections.push(`<p>${POLICY.purpose} ${POLICY.scope}</p>`);
    sections.push(`<ul>${POLICY.bullets.map((b) => `<li>${b}</li>`).join('')}</ul>`);
  }
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long policy</title>` +
    `<style>body{font-family:serif;font-size:11pt}</style></head><body><h1>Long policy` +
    `</h1>${sections.join('\n')}</body></html>`
  );
}
