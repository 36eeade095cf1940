import type { ReportFormat } from '../../../../shared/api';

export interface ReportFormatInfo {
  label: string;
  /** One line on what the format is for. */
  hint: string;
  extension: string;
  mediaType: string;
  binary: boolean;
}

/** The formats a report is exported in, in the order they are offered; PDF and JSON can be signed. */
export const REPORT_FORMAT_INFO: Record<ReportFormat, ReportFormatInfo> = {
  pdf: {
    label: 'PDF',
    hint: 'To print, share and sign. Any PDF reader can check its signatures.',
    extension: 'pdf',
    mediaType: 'application/pdf',
    binary: true,
  },
  html: {
    label: 'Web page (HTML)',
    hint: 'The same report, to open in a browser.',
    extension: 'html',
    mediaType: 'text/html',
    binary: false,
  },
  md: {
    label: 'Markdown',
    hint: 'Plain text with headings, to paste into a wiki or minutes.',
    extension: 'md',
    mediaType: 'text/markdown',
    binary: false,
  },
  json: {
    label: 'JSON report',
    hint: 'The report as data, for other tools. Can be signed (detached signatures).',
    extension: 'json',
    mediaType: 'application/json',
    binary: false,
  },
  w3c: {
    label: 'W3C annotations',
    hint: 'The annotations as a W3C Web Annotation collection (JSON-LD).',
    extension: 'jsonld',
    mediaType: 'application/ld+json',
    binary: false,
  },
};

export const REPORT_FORMAT_ORDER: readonly ReportFormat[] = ['pdf', 'html', 'md', 'json', 'w3c'];

/** The first characters of a SHA-256, enough for people to tell files apart at a glance. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);
