import { progressText, type Progress } from './progress';

/** "23 of 46 reviewed" with a bar, for the whole checklist or one category. */
export function ProgressMeter({
  progress,
  label,
  size = 'md',
}: {
  progress: Progress;
  label: string;
  size?: 'sm' | 'md';
}) {
  const text = progressText(progress);
  const percent = progress.total === 0 ? 0 : Math.round((progress.reviewed / progress.total) * 100);
  return (
    <div className={`progress progress-${size}`}>
      <div
        className="progress-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.reviewed}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
