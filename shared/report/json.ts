import type { ReportModel } from './model';

/**
 * The JSON report: the report model itself, with its format name and version first. Signatures over it are made
 * on its JCS canonical form (RFC 8785), so re-indenting the file does not break them but changing a value does.
 */
export function renderReportJson(model: ReportModel): string {
  return `${JSON.stringify(model, wellFormed, 2)}\n`;
}

/**
 * Text as well-formed Unicode: a lone surrogate (only odd input holds one) becomes U+FFFD. JSON.stringify would
 * write it as an escape, which I-JSON forbids, and the report could then not be signed.
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\p{Surrogate}/gu, '\uFFFD') : value;
}
