import { useId, type Ref } from 'react';
import type { Version } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { AlertIcon, UploadIcon, VersionsIcon } from '../../ui/icons';
import { mediaTypeName, VersionSelect } from '../workspace';

export interface VersionBarProps {
  versions: readonly Version[];
  selected: Version;
  onSelect: (versionId: string) => void;
  panelId: string;
  panelOpen: boolean;
  onTogglePanel: () => void;
  onImport: () => void;
  importButtonRef: Ref<HTMLButtonElement>;
  readOnly: boolean;
}

/** Which version is shown, where it came from, and the way to import more and to manage them. */
export function VersionBar({
  versions,
  selected,
  onSelect,
  panelId,
  panelOpen,
  onTogglePanel,
  onImport,
  importButtonRef,
  readOnly,
}: VersionBarProps) {
  const selectId = useId();
  const factsId = useId();
  const { source } = selected;
  return (
    <div className="version-bar">
      <div className="version-switcher">
        <label htmlFor={selectId} className="version-switcher-label">
          Version
        </label>
        <VersionSelect
          id={selectId}
          className="version-select"
          versions={versions}
          value={selected.id}
          onSelect={onSelect}
          aria-describedby={factsId}
        />
      </div>
      <p id={factsId} className="version-bar-facts">
        <span className="version-file" title={source.fileName}>
          {source.fileName}
        </span>
        <span>{mediaTypeName(source.mediaType)}</span>
        <span>{countOf(selected.blocks.length, 'block')}</span>
        {selected.warnings.length > 0 && (
          <span className="version-bar-warnings">
            <AlertIcon size={14} />
            {countOf(selected.warnings.length, 'import warning')}
          </span>
        )}
      </p>
      <div className="version-bar-actions">
        <Button
          icon={<VersionsIcon />}
          aria-expanded={panelOpen}
          aria-controls={panelOpen ? panelId : undefined}
          onClick={onTogglePanel}
        >
          Versions <span className="count-pill">{versions.length}</span>
        </Button>
        <Button ref={importButtonRef} variant="primary" icon={<UploadIcon />} onClick={onImport} disabled={readOnly}>
          Import version…
        </Button>
      </div>
    </div>
  );
}
