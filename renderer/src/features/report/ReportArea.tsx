import { useId, useState } from 'react';
import type { MethodResult, ReportRecord } from '../../../../shared/api';
import { callInReview, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { ShieldCheckIcon } from '../../ui/icons';
import { useApiQuery } from '../../ui/useAsyncValue';
import { IdentitiesPanel } from '../identities';
import { ExportPanel } from './ExportPanel';
import { REPORT_FORMAT_INFO } from './reportFormats';
import { ReportList } from './ReportList';
import { savedWhere, saveMadeFile } from '../../ui/files';
import { SignDialog } from './SignDialog';
import { SignOffList, type SignOff } from './SignOffList';
import { useVerification } from './useVerification';
import { VerificationSection } from './VerificationSection';
import './report.css';

export interface ReportAreaProps {
  reviewId: string;
  readOnly: boolean;
  signoffs: readonly SignOff[];
  /** A sign-off the services recorded, to show in the review on screen. */
  onSignedOff: (signOff: SignOff) => void;
}

/**
 * The committee's result: export the report, sign the kept PDF or JSON in turn, see the sign-offs, verify any
 * signed report, and manage the identities that sign.
 */
export function ReportArea({ reviewId, readOnly, signoffs, onSignedOff }: ReportAreaProps) {
  const reports = useApiQuery('report.list', { reviewId });
  const identities = useApiQuery('identities.list', {});
  const verification = useVerification();
  const [signing, setSigning] = useState<ReportRecord>();
  const [saving, setSaving] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [needIdentity, setNeedIdentity] = useState(false);
  const reportsHeadingId = useId();
  const signoffsHeadingId = useId();
  const list = reports.data ?? [];

  const replaceReport = (report: ReportRecord) =>
    reports.update((current) => [report, ...(current ?? []).filter((r) => r.fileName !== report.fileName)]);

  const startSigning = (report: ReportRecord) => {
    setStatus(undefined);
    if ((identities.data ?? []).length === 0) {
      setNeedIdentity(true);
      return;
    }
    setNeedIdentity(false);
    setSigning(report);
  };

  const signed = ({ signOff, report }: MethodResult<'report.sign'>) => {
    setSigning(undefined);
    reports.update((current) => (current ?? []).map((r) => (r.fileName === report.fileName ? report : r)));
    onSignedOff(signOff);
    setStatus(
      `${signOff.signer.name} signed “${report.fileName}” ` +
        `(${signOff.meaning}). ${report.signatures.length > 1 ? `It now has ${countOf(report.signatures.length, 'signature')}.` : ''} ` +
        `Save a copy to share it.`,
    );
  };

  const save = async (report: ReportRecord, file: 'report' | 'signatures') => {
    const reportFile = file === 'signatures' && report.signatureFile ? report.signatureFile : report.fileName;
    const info = REPORT_FORMAT_INFO[report.format];
    setSaving(reportFile);
    setProblem(undefined);
    try {
      const saved = await saveMadeFile({
        purpose: 'report',
        suggestedName: reportFile,
        binary: file === 'report' && info.binary,
        mediaType: file === 'report' ? info.mediaType : 'application/jose+json',
        deliver: (destination) => callInReview(reviewId, 'report.save', { reviewId, reportFile, destination }),
      });
      if (saved) setStatus(`A copy of “${reportFile}” was ${savedWhere(saved)}.`);
    } catch (error) {
      setProblem(`“${reportFile}” was not saved: ${errorMessage(error)}`);
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <div className="area report-area">
      {verification.inputs}
      <div className="area-toolbar">
        <div className="area-heading">
          <h2 className="area-title">Report</h2>
          <p className="area-subtitle">
            Export the committee’s findings, sign them in turn, and check signed reports from anyone.
          </p>
        </div>
        <div className="area-toolbar-actions">
          <Button icon={<ShieldCheckIcon />} onClick={verification.chooseReport} busy={verification.busy}>
            Verify a report…
          </Button>
        </div>
      </div>

      <VerificationSection verification={verification} />

      <ExportPanel
        reviewId={reviewId}
        readOnly={readOnly}
        onExported={(report) => (readOnly ? undefined : replaceReport(report))}
      />

      <section aria-labelledby={reportsHeadingId} className="report-section">
        <div className="section-heading-row">
          <h3 id={reportsHeadingId} className="section-title">
            Exported reports
          </h3>
          {reports.data && <span className="section-count">{countOf(list.length, 'report')}</span>}
        </div>
        {status && (
          <Banner tone="success" onDismiss={() => setStatus(undefined)}>
            {status}
          </Banner>
        )}
        {problem && (
          <Banner tone="error" onDismiss={() => setProblem(undefined)}>
            {problem}
          </Banner>
        )}
        {needIdentity && (
          <Banner tone="info" title="You need a signing identity first" onDismiss={() => setNeedIdentity(false)}>
            Create one, or import your organisation’s PKCS #12 file, under Signing identities below; then sign again.
          </Banner>
        )}
        {reports.error && (
          <Banner
            tone="error"
            title="The exported reports could not be listed"
            actions={<Button onClick={reports.reload}>Try again</Button>}
          >
            {reports.error.message}
          </Banner>
        )}
        {reports.data && list.length === 0 && (
          <p className="report-empty">
            No reports yet. Export one above; PDF and JSON reports can then be signed here.
          </p>
        )}
        {list.length > 0 && (
          <ReportList
            reports={list}
            readOnly={readOnly}
            saving={saving}
            onSign={startSigning}
            onSave={(report, file) => void save(report, file)}
          />
        )}
      </section>

      <section aria-labelledby={signoffsHeadingId} className="report-section">
        <div className="section-heading-row">
          <h3 id={signoffsHeadingId} className="section-title">
            Sign-offs
          </h3>
          <span className="section-count">{countOf(signoffs.length, 'sign-off')}</span>
        </div>
        {signoffs.length === 0 ? (
          <p className="report-empty">No one has signed a report of this review yet.</p>
        ) : (
          <SignOffList signoffs={signoffs} />
        )}
      </section>

      <IdentitiesPanel identities={identities} />

      {signing && (
        <SignDialog
          reviewId={reviewId}
          report={signing}
          identities={identities.data ?? []}
          onSigned={signed}
          onClose={() => setSigning(undefined)}
        />
      )}
    </div>
  );
}
