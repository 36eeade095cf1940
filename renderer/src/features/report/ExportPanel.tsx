import { useId, useState } from 'react';
import type { ReportFormat, ReportRecord } from '../../../../shared/api';
import { callInReview, errorMessage, followSteps, type StepProgress } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { DownloadIcon } from '../../ui/icons';
import { StepProgressStatus } from '../../ui/StepProgressStatus';
import { REPORT_FORMAT_INFO, REPORT_FORMAT_ORDER } from './reportFormats';
import { savedWhere, saveMadeFile } from '../../ui/files';

export interface ExportPanelProps {
  reviewId: string;
  /** A window that only views the review still exports, but the report is not kept with the review. */
  readOnly: boolean;
  onExported: (report: ReportRecord) => void;
}

type Outcome = { tone: 'success'; text: string } | { tone: 'error'; text: string };

/** Why an export failed and what to do about it, in the person's words. */
function exportProblem(format: ReportFormat, error: unknown): string {
  const message = errorMessage(error);
  if (format === 'pdf' && /Chromium|Chrome/.test(message))
    return `${message} Until then, export the report as a web page (HTML) and print it from a browser.`;
  return `${message} Check the review, then try again.`;
}

/**
 * Exports the review as it is now, in one format: kept with the review (to be signed) and saved where the person
 * says. A PDF is printed by Chromium and takes a few seconds, so the panel says what is happening meanwhile.
 */
export function ExportPanel({ reviewId, readOnly, onExported }: ExportPanelProps) {
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [running, setRunning] = useState<ReportFormat>();
  const [progress, setProgress] = useState<StepProgress>();
  const [outcome, setOutcome] = useState<Outcome>();
  const name = useId();
  const headingId = useId();

  const exportReport = async () => {
    const chosen = format;
    const info = REPORT_FORMAT_INFO[chosen];
    setRunning(chosen);
    setOutcome(undefined);
    let record: ReportRecord | undefined;
    try {
      const saved = await followSteps('report.progress', setProgress, (requestId) =>
        saveMadeFile({
          purpose: 'report',
          suggestedName: `report.${info.extension}`,
          binary: info.binary,
          mediaType: info.mediaType,
          deliver: async (destination) => {
            const result = await callInReview(reviewId, 'report.export', {
              reviewId,
              format: chosen,
              destination,
              requestId,
            });
            record = result.report;
            return result;
          },
        }),
      );
      if (!saved || !record) return;
      onExported(record);
      const kept = readOnly
        ? 'This window only views the review, so the report is not kept with it.'
        : record.signable
          ? 'It is kept with the review: sign it in the list below.'
          : 'It is kept with the review.';
      setOutcome({
        tone: 'success',
        text: `Exported the report as ${info.label} (“${saved.fileName}”), ${savedWhere(saved)}. ${kept}`,
      });
    } catch (error) {
      setOutcome({ tone: 'error', text: exportProblem(chosen, error) });
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <section className="panel report-export" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Export the report
      </h3>
      <p className="form-note">
        The report is made from the review as it is now: versions with their fingerprints, the committee, every verdict
        with its rationale and annotations, the change summary, the action plan and a sign-off block.
      </p>
      <fieldset className="report-format-field" disabled={running !== undefined}>
        <legend className="field-label">Format</legend>
        <div className="report-formats">
          {REPORT_FORMAT_ORDER.map((value) => (
            <label key={value} className="report-format">
              <input
                type="radio"
                name={name}
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              <span className="report-format-text">
                <span className="report-format-label">{REPORT_FORMAT_INFO[value].label}</span>
                <span className="report-format-hint">{REPORT_FORMAT_INFO[value].hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="report-export-actions">
        <Button
          variant="primary"
          icon={<DownloadIcon />}
          busy={running !== undefined}
          onClick={() => void exportReport()}
        >
          Export report…
        </Button>
        <StepProgressStatus
          job={running && `Exporting the report as ${REPORT_FORMAT_INFO[running].label}`}
          progress={progress}
          // Chromium says nothing while it prints, and a long report takes seconds.
          note={running === 'pdf' ? 'A long report takes a few seconds.' : undefined}
          className="report-progress"
        />
      </div>
      {outcome?.tone === 'success' && (
        <Banner tone="success" onDismiss={() => setOutcome(undefined)}>
          {outcome.text}
        </Banner>
      )}
      {outcome?.tone === 'error' && (
        <Banner tone="error" title="The report was not exported" onDismiss={() => setOutcome(undefined)}>
          {outcome.text}
        </Banner>
      )}
    </section>
  );
}
