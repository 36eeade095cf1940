import { useState } from 'react';
import type { DamagedRecordInfo } from '../../../shared/api';
import { callInReview } from '../api';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { countOf, formatDateTime } from '../ui/format';
import { TrashIcon } from '../ui/icons';
import { useAction } from '../ui/useAction';

export interface DamagedRecordsPanelProps {
  reviewId: string;
  records: DamagedRecordInfo[];
  readOnly: boolean;
  /** A record was removed: the damaged records left, and when the backup that still holds it was made. */
  onRemoved: (left: DamagedRecordInfo[], backupCreatedAt: string) => void;
  /** Where focus goes after a removal: the button that opened the confirmation went with the record. */
  returnFocusTo: () => HTMLElement | null | undefined;
}

/** Which record it is, in the words it says of itself. */
function describeRecord(record: DamagedRecordInfo): string {
  const what = record.kind === 'annotation' ? 'Annotation' : 'Reply';
  const on = record.quote ? ` on “${record.quote}”` : '';
  const by = record.author ? ` by ${record.author}` : '';
  const when = record.createdAt ? `, ${formatDateTime(record.createdAt)}` : '';
  return `${what}${on}${by}${when}`;
}

/**
 * The annotations and replies of a review that cannot be used as they are: which each is and what is wrong with
 * it. They are not shown elsewhere, and every save keeps them in the file unchanged until a person removes one
 * here (after a backup of the file).
 */
export function DamagedRecordsPanel({
  reviewId,
  records,
  readOnly,
  onRemoved,
  returnFocusTo,
}: DamagedRecordsPanelProps) {
  const [removing, setRemoving] = useState<DamagedRecordInfo>();
  const remove = useAction((where: string) =>
    callInReview(reviewId, 'reviews.removeDamagedRecord', { reviewId, where }),
  );
  if (records.length === 0) return null;

  const confirmRemoval = async () => {
    if (!removing) return;
    const result = await remove.run(removing.where);
    if (!result) return;
    setRemoving(undefined);
    onRemoved(result.damagedRecords, result.backupCreatedAt);
  };

  return (
    <Banner
      tone="warning"
      title={`${countOf(records.length, 'damaged record')} in this review cannot be shown`}
      className="damaged-records"
    >
      <p>
        {records.length === 1 ? 'It is' : 'They are'} left out of the document, the checklist and the report, and kept
        in the review file exactly as {records.length === 1 ? 'it is' : 'they are'}: saving never changes or drops{' '}
        {records.length === 1 ? 'it' : 'them'}.
      </p>
      <ul className="damaged-record-list">
        {records.map((record) => (
          <li key={record.where} className="damaged-record">
            <div>
              <p className="damaged-record-name">
                {describeRecord(record)} <code className="damaged-record-where">{record.where}</code>
              </p>
              <p className="damaged-record-problem">{record.problem}</p>
            </div>
            {!readOnly && (
              <Button
                size="sm"
                variant="quiet-danger"
                icon={<TrashIcon />}
                onClick={() => setRemoving(record)}
                aria-label={`Remove the damaged record ${record.where}…`}
              >
                Remove…
              </Button>
            )}
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={`Remove this damaged ${removing.kind}?`}
          confirmLabel={`Remove ${removing.kind}`}
          onConfirm={() => void confirmRemoval()}
          onCancel={() => {
            setRemoving(undefined);
            remove.clearError();
          }}
          busy={remove.busy}
          error={remove.error}
          returnFocusTo={returnFocusTo}
        >
          <p>
            {describeRecord(removing)} ({removing.where}) is removed from the review file. A backup of the file as it is
            now, with the record, is kept in the review’s backups folder first, and the removal is recorded in the audit
            log.
          </p>
        </ConfirmDialog>
      )}
    </Banner>
  );
}
