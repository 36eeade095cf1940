import type { ReportModel } from './model';

/**
 * The JSON report: the report model itself, with its format name and version first. Signatures over it are made
 * on its JCS canonical form (RFC 8785), so re-indenting the file does not break them but changing a value does.
 */
export function renderReportJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
