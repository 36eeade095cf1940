import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { type ImportJob, progressOf, stageDetail, stageName } from './importJobs';
import './import.css';

export interface ImportJobListProps {
  jobs: readonly ImportJob[];
  onDismiss: (id: string) => void;
  onDismissFinished: () => void;
}

/**
 * The files being imported, one row each, in queue order: those waiting, the one running with its stage and a
 * bar, and the finished ones with their summary and warnings (or their error) until the person dismisses them.
 */
export function ImportJobList({ jobs, onDismiss, onDismissFinished }: ImportJobListProps) {
  if (jobs.length === 0) return null;
  const finished = jobs.filter((job) => job.state === 'imported' || job.state === 'failed').length;
  return (
    <section className="import-jobs" aria-label="Imports">
      {jobs.map((job) => (
        <ImportJobRow key={job.id} job={job} onDismiss={() => onDismiss(job.id)} />
      ))}
      {finished > 1 && (
        <div className="import-jobs-footer">
          <Button variant="ghost" size="sm" onClick={onDismissFinished}>
            Dismiss {countOf(finished, 'finished import')}
          </Button>
        </div>
      )}
    </section>
  );
}

function ImportJobRow({ job, onDismiss }: { job: ImportJob; onDismiss: () => void }) {
  switch (job.state) {
    case 'waiting':
      return (
        <div className="import-job is-waiting">
          <span className="import-job-name" role="status">
            {job.fileName}
            <span className="visually-hidden">: waiting to be imported</span>
          </span>
          <span className="import-job-stage" aria-hidden="true">
            Waiting
          </span>
          <Button variant="ghost" size="sm" onClick={onDismiss} aria-label={`Don’t import ${job.fileName}`}>
            Don’t import
          </Button>
        </div>
      );
    case 'running': {
      const progress = progressOf(job);
      const percent = progress === undefined ? undefined : Math.round(progress * 100);
      return (
        <div className="import-job is-running">
          <div className="import-job-line">
            {/* Announced politely once per stage; the page counts below change too often to read out. */}
            <span role="status" className="import-job-name">
              {`Importing ${job.fileName}`}
              <span className="visually-hidden">{`: ${stageName(job.stage)}`}</span>
            </span>
            <span className="import-job-stage" aria-hidden="true">
              {stageDetail(job)}
            </span>
          </div>
          <div
            className={percent === undefined ? 'progress-bar is-indeterminate' : 'progress-bar'}
            role="progressbar"
            aria-label={`Importing ${job.fileName}`}
            aria-valuetext={stageDetail(job)}
            {...(percent === undefined ? {} : { 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 })}
          >
            <span className="progress-bar-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
          </div>
        </div>
      );
    }
    case 'imported':
      return (
        <Banner
          tone={job.warnings.length ? 'warning' : 'success'}
          title={`Imported “${job.fileName}” as “${job.label}”: ${countOf(job.blocks, 'block')}`}
          onDismiss={onDismiss}
          className="import-result"
        >
          {job.warnings.length > 0 && (
            <>
              <p>{job.warnings.length === 1 ? 'One thing to check:' : `${job.warnings.length} things to check:`}</p>
              <ul className="import-warnings">
                {job.warnings.map((warning, n) => (
                  <li key={n}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </Banner>
      );
    case 'failed':
      return (
        <Banner
          tone="error"
          title={`“${job.fileName}” was not imported`}
          onDismiss={onDismiss}
          className="import-result"
        >
          {job.message}
        </Banner>
      );
  }
}
