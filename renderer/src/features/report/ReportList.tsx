import type { ReportRecord } from '../../../../shared/api';
import { Button } from '../../ui/Button';
import { countOf, formatBytes, formatDateTime } from '../../ui/format';
import { DownloadIcon, SignatureIcon } from '../../ui/icons';
import { REPORT_FORMAT_INFO, shortHash } from './reportFormats';

export interface ReportListProps {
  reports: readonly ReportRecord[];
  readOnly: boolean;
  /** The file being saved, whose button shows it is busy. */
  saving: string | undefined;
  onSign: (report: ReportRecord) => void;
  onSave: (report: ReportRecord, file: 'report' | 'signatures') => void;
}

/** The reports exported from this review, newest first: what each is, its fingerprint and who signed it. */
export function ReportList({ reports, readOnly, saving, onSign, onSave }: ReportListProps) {
  return (
    <div className="panel table-panel">
      <table className="table report-table">
        <caption className="visually-hidden">Exported reports ({countOf(reports.length, 'report')})</caption>
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Exported</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Signatures</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.fileName}>
              <th scope="row">
                <span className="report-name">{report.fileName}</span>
                <span className="report-detail">
                  {REPORT_FORMAT_INFO[report.format].label} · {formatBytes(report.currentBytes)}
                </span>
              </th>
              <td>
                <span>{formatDateTime(report.exportedAt)}</span>
                <span className="report-detail">by {report.exportedBy.name}</span>
              </td>
              <td>
                <code className="report-hash" title={report.sha256}>
                  {shortHash(report.sha256)}
                </code>
                <span className="visually-hidden">(the report as exported, before signatures)</span>
              </td>
              <td>
                {report.signatures.length === 0 ? (
                  <span className="report-detail">{report.signable ? 'Not signed yet' : 'Cannot be signed'}</span>
                ) : (
                  <ul className="report-signature-list">
                    {report.signatures.map((signature) => (
                      <li key={signature.signOffId}>
                        <SignatureIcon size={14} /> {signature.signer.name}: {signature.meaning}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="row-actions">
                {report.signable && (
                  <Button
                    size="sm"
                    icon={<SignatureIcon />}
                    disabled={readOnly}
                    onClick={() => onSign(report)}
                    aria-label={`Sign ${report.fileName}…`}
                  >
                    Sign…
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  icon={<DownloadIcon />}
                  busy={saving === report.fileName}
                  onClick={() => onSave(report, 'report')}
                  aria-label={`Save a copy of ${report.fileName}…`}
                >
                  Save a copy…
                </Button>
                {report.signatureFile && report.signatures.length > 0 && (
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<DownloadIcon />}
                    busy={saving === report.signatureFile}
                    onClick={() => onSave(report, 'signatures')}
                    aria-label={`Save signatures: ${report.signatureFile}…`}
                  >
                    Save signatures…
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
