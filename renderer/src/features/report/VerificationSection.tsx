import { useEffect, useId, useRef } from 'react';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FolderIcon, RefreshIcon } from '../../ui/icons';
import type { Verification } from './useVerification';
import { VerificationView } from './VerificationView';

/** The report being verified and what the check found, with a way to check it again or close it. */
export function VerificationSection({ verification }: { verification: Verification }) {
  const { checked, needsSignatures, result, error, busy } = verification;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The result is the answer to "Verify a report…": the person is taken to it.
  useEffect(() => {
    if (result) headingRef.current?.focus();
  }, [result]);
  if (!checked && !error) return null;
  return (
    <section className="panel report-verify" aria-labelledby={headingId} aria-busy={busy || undefined}>
      <div className="section-heading-row report-section-heading">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="section-title">
          {checked ? `Verification of “${checked.report.fileName}”` : 'Verify a report'}
        </h3>
        <div className="report-section-actions">
          {result && (
            <Button size="sm" icon={<RefreshIcon />} onClick={verification.checkAgain} busy={busy}>
              Check again
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={verification.clear}>
            Close
          </Button>
        </div>
      </div>
      {busy && !result && <p role="status">Checking the signatures…</p>}
      {needsSignatures && (
        <Banner
          tone="info"
          title="This JSON report’s signatures are in a separate file"
          actions={
            <Button icon={<FolderIcon />} onClick={verification.chooseSignatures}>
              Choose signatures file…
            </Button>
          }
        >
          Its signatures are in “{checked?.report.fileName}.jws” beside it. Choose that file to check them.
        </Banner>
      )}
      {error && (
        <Banner tone="error" title="The report could not be checked">
          {error}
        </Banner>
      )}
      {result && <VerificationView result={result} />}
    </section>
  );
}
