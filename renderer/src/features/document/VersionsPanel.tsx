import { useId, useRef, useState } from 'react';
import type { Version } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { countOf, formatBytes, formatCalendarDate, formatDateTime } from '../../ui/format';
import { CloseIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { MoveButtons } from '../../ui/MoveButtons';
import { useReorder } from '../../ui/useReorder';
import { mediaTypeName, shortSha } from '../workspace';

export interface VersionsPanelProps {
  id: string;
  versions: readonly Version[];
  selectedId: string | undefined;
  readOnly: boolean;
  /** Moves a version one place up (-1) or down (+1); resolves when the services confirm. */
  onMove: (version: Version, by: -1 | 1) => Promise<boolean>;
  onEdit: (version: Version) => void;
  onDelete: (version: Version) => void;
  onClose: () => void;
  /** A reorder in progress: the move buttons wait for it. */
  busy: boolean;
}

/**
 * Every version of the policy with where it came from (file, type, size, fingerprint, who imported it and when,
 * how many warnings), to rename, date, reorder and delete. Oldest first: the order of the policy's history.
 */
export function VersionsPanel({
  id,
  versions,
  selectedId,
  readOnly,
  onMove,
  onEdit,
  onDelete,
  onClose,
  busy,
}: VersionsPanelProps) {
  const titleId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const { focusAfterMove } = useReorder(
    (versionId) => listRef.current?.querySelector(`[data-version-id="${CSS.escape(versionId)}"]`),
    versions,
  );

  const move = async (version: Version, position: number, by: -1 | 1) => {
    if (await onMove(version, by)) {
      setAnnouncement(`Moved “${version.label}” to position ${position + by + 1} of ${versions.length}.`);
      focusAfterMove(version.id, by);
    }
  };

  return (
    <section id={id} className="panel versions-panel" aria-labelledby={titleId}>
      <div className="versions-panel-header">
        <div>
          <h3 id={titleId} className="versions-panel-title">
            Versions <span className="count-pill">{versions.length}</span>
          </h3>
          <p className="versions-panel-hint">
            Oldest first, in the order the policy was written. Comparisons and the report follow this order.
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close the versions panel" onClick={onClose}>
          <CloseIcon size={18} />
        </button>
      </div>
      <ol ref={listRef} className="versions-list">
        {versions.map((version, position) => {
          const { source } = version;
          return (
            <li key={version.id} className="version-row" data-version-id={version.id} aria-label={version.label}>
              <span className="version-row-position" aria-hidden="true">
                {position + 1}
              </span>
              <div className="version-row-main">
                <p className="version-row-title">
                  <span className="version-row-label">{version.label}</span>
                  {version.id === selectedId && <span className="badge badge-accent">Shown</span>}
                </p>
                <p className="version-row-facts">
                  <span>
                    {version.effectiveDate
                      ? `Effective ${formatCalendarDate(version.effectiveDate)}`
                      : 'No effective date'}
                  </span>
                  <span className="version-file" title={source.fileName}>
                    {source.fileName}
                  </span>
                  <span>{mediaTypeName(source.mediaType)}</span>
                  <span>{formatBytes(source.bytes)}</span>
                  <span>{countOf(version.blocks.length, 'block')}</span>
                </p>
                <p className="version-row-facts">
                  <span>
                    SHA-256{' '}
                    <code className="sha" title={source.sha256}>
                      {shortSha(source.sha256)}…
                    </code>
                  </span>
                  <span>
                    Imported {formatDateTime(version.importedAt)} by {version.importedBy.name}
                  </span>
                </p>
                {version.warnings.length > 0 ? (
                  <details className="version-warnings">
                    <summary>{countOf(version.warnings.length, 'import warning')}</summary>
                    <ul>
                      {version.warnings.map((warning, n) => (
                        <li key={n}>{warning}</li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <p className="version-row-facts">No import warnings</p>
                )}
              </div>
              {!readOnly && (
                <div className="version-row-actions">
                  <MoveButtons
                    itemName={version.label}
                    canMoveUp={position > 0}
                    canMoveDown={position < versions.length - 1}
                    busy={busy}
                    upTitle="Move up (earlier)"
                    downTitle="Move down (later)"
                    onMove={(by) => void move(version, position, by)}
                  />
                  <Button
                    variant="ghost"
                    size="sm"
                    icon={<PencilIcon />}
                    aria-label={`Edit “${version.label}”`}
                    onClick={() => onEdit(version)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant="ghost-danger"
                    size="sm"
                    icon={<TrashIcon />}
                    aria-label={`Delete “${version.label}”`}
                    onClick={() => onDelete(version)}
                  >
                    Delete
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
