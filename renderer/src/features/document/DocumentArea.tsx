import { useId, useRef, useState } from 'react';
import type { Review, Version } from '../../../../shared/model';
import { call, callInReview, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { useFileChooser, useFilePicker } from '../../ui/files';
import { countOf } from '../../ui/format';
import { DocumentIcon, UploadIcon } from '../../ui/icons';
import { useAction } from '../../ui/useAction';
import { useFocusIfLost } from '../../ui/useFocusIfLost';
import { swapWithNeighbour } from '../../ui/useReorder';
import { type DroppedFiles, ImportJobList, type ImportResult, useFileDrop, useImportQueue } from '../import';
import { useReviewData, useReviewNavigation } from '../workspace';
import { AnnotatedDocument } from './AnnotatedDocument';
import { EditVersionDialog, type VersionChanges } from './EditVersionDialog';
import { VersionBar } from './VersionBar';
import { VersionsPanel } from './VersionsPanel';
import './document-area.css';

/** The file types the page's file picker offers; the services decide from each file's content. */
const ACCEPTED_FILES = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';

export interface DocumentAreaProps {
  reviewId: string;
  readOnly: boolean;
  /** Applies a change the services confirmed to the review on screen. */
  updateReview: (change: (review: Review) => Review) => void;
}

type Editing = { kind: 'edit'; version: Version } | { kind: 'delete'; version: Version };

/**
 * The policy as imported: a bar to pick the version shown, import more and manage them; the imports under way;
 * and the chosen version as read-only rich text with its annotations, beside the annotations panel. Files
 * dropped anywhere on the area are imported in order.
 */
export function DocumentArea({ reviewId, readOnly, updateReview }: DocumentAreaProps) {
  const { versions, annotations } = useReviewData();
  const { selectedVersion: selected, selectVersion: select } = useReviewNavigation();
  const [panelOpen, setPanelOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const showsVersion = versions.length > 0 && selected !== undefined;
  // The first version replaces the empty state, and its Import button with it: focus goes to the version bar's.
  useFocusIfLost(importButtonRef, showsVersion);

  const showImported = async ({ version }: ImportResult) => {
    try {
      const full = await callInReview(reviewId, 'versions.get', { reviewId, versionId: version.id });
      updateReview((r) => ({ ...r, versions: [...r.versions.filter((v) => v.id !== full.id), full] }));
      select(full.id);
    } catch (error) {
      setProblem(`“${version.label}” was imported but cannot be shown: ${errorMessage(error)}`);
    }
  };
  const imports = useImportQueue(reviewId, showImported);

  const takeDrop = ({ files, folders }: DroppedFiles) => {
    for (const folder of folders)
      imports.refuse(folder, `“${folder}” is a folder. Open it and drop the files inside it instead.`);
    imports.enqueue(files.map((file) => ({ kind: 'file' as const, file })));
  };
  // Files on their way (dragged over the area, or the page's picker opening): the services start reading them sooner.
  const prepareImport = () => void call('versions.prepareImport', {}).catch(() => undefined);
  const { over, dropTargetProps } = useFileDrop(takeDrop, !readOnly, prepareImport);

  const picker = useFilePicker({
    label: 'Choose policy files to import',
    accept: ACCEPTED_FILES,
    multiple: true,
    disabled: readOnly,
    onFiles: (files) => imports.enqueue(files.map((file) => ({ kind: 'file' as const, file }))),
  });
  const chooseWithDialog = useFileChooser({
    purpose: 'import-version',
    openPagePicker: () => {
      prepareImport();
      picker.open();
    },
    onChosen: (chosen) =>
      imports.enqueue(chosen.map((file) => ({ kind: 'chosen' as const, token: file.token, fileName: file.fileName }))),
    onProblem: setProblem,
  });
  const chooseFiles = async () => {
    setProblem(undefined);
    await chooseWithDialog();
  };

  const reorder = useAction((versionIds: string[]) =>
    callInReview(reviewId, 'versions.reorder', { reviewId, versionIds }),
  );
  const move = async (version: Version, by: -1 | 1): Promise<boolean> => {
    const ids = swapWithNeighbour(
      versions.map((v) => v.id),
      version.id,
      by,
    );
    if (!ids) return false;
    const ordered = await reorder.run(ids);
    if (!ordered) return false;
    const position = new Map(ordered.map((v, n) => [v.id, n]));
    updateReview((r) => ({
      ...r,
      versions: [
        ...r.versions.filter((v) => position.has(v.id)).sort((a, b) => position.get(a.id)! - position.get(b.id)!),
        ...r.versions.filter((v) => !position.has(v.id)),
      ],
    }));
    return true;
  };

  const update = useAction((versionId: string, changes: VersionChanges) =>
    callInReview(reviewId, 'versions.update', { reviewId, versionId, ...changes }),
  );
  const saveChanges = async (version: Version, changes: VersionChanges) => {
    const saved = await update.run(version.id, changes);
    if (!saved) return;
    updateReview((r) => ({
      ...r,
      versions: r.versions.map((v) => {
        if (v.id !== saved.id) return v;
        const { effectiveDate: _dropped, ...rest } = v;
        return saved.effectiveDate
          ? { ...rest, label: saved.label, effectiveDate: saved.effectiveDate }
          : { ...rest, label: saved.label };
      }),
    }));
    setEditing(undefined);
    setStatus(`Saved version “${saved.label}”.`);
  };

  const remove = useAction((versionId: string) => callInReview(reviewId, 'versions.delete', { reviewId, versionId }));
  const deleteVersion = async (version: Version) => {
    const done = await remove.run(version.id);
    if (!done) return;
    const now = new Date().toISOString();
    updateReview((r) => ({
      ...r,
      versions: r.versions.map((v) => (v.id === version.id ? { ...v, deletedAt: now } : v)),
      annotations: r.annotations.map((a) =>
        a.versionId === version.id && !a.deletedAt ? { ...a, deletedAt: now, updatedAt: now } : a,
      ),
    }));
    for (const annotation of annotations.getAnnotations())
      if (annotation.versionId === version.id) annotations.remove(annotation.id);
    setEditing(undefined);
    if (versions.length === 1) setPanelOpen(false);
    setStatus(
      `Deleted version “${version.label}”${done.annotationsRemoved ? ` and its ${countOf(done.annotationsRemoved, 'annotation')}` : ''}.`,
    );
  };

  const startEditing = (next: Editing) => {
    update.clearError();
    remove.clearError();
    setEditing(next);
  };

  const annotationsOn = (version: Version) =>
    annotations.getAnnotations().filter((a) => a.versionId === version.id).length;

  return (
    <div className={over ? 'area document-area is-drop-target' : 'area document-area'} {...dropTargetProps}>
      {picker.input}
      {/* The other areas open with a visible h2; here the version bar says what a sighted person needs, and the
          heading keeps the outline whole for those who move by headings. */}
      <h2 className="visually-hidden">Document</h2>

      {versions.length > 0 && selected && (
        <VersionBar
          versions={versions}
          selected={selected}
          onSelect={select}
          panelId={panelId}
          panelOpen={panelOpen}
          onTogglePanel={() => setPanelOpen((open) => !open)}
          onImport={() => void chooseFiles()}
          importButtonRef={importButtonRef}
          readOnly={readOnly}
        />
      )}

      <ImportJobList jobs={imports.jobs} onDismiss={imports.dismiss} onDismissFinished={imports.dismissFinished} />

      {problem && (
        <Banner tone="error" title="Something went wrong" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
      {status && (
        <Banner tone="success" onDismiss={() => setStatus(undefined)}>
          {status}
        </Banner>
      )}

      {panelOpen && versions.length > 0 && (
        <>
          {reorder.error && (
            <Banner tone="error" title="The versions were not reordered" onDismiss={reorder.clearError}>
              {reorder.error}
            </Banner>
          )}
          <VersionsPanel
            id={panelId}
            versions={versions}
            selectedId={selected?.id}
            readOnly={readOnly}
            busy={reorder.busy}
            onMove={move}
            onEdit={(version) => startEditing({ kind: 'edit', version })}
            onDelete={(version) => startEditing({ kind: 'delete', version })}
            onClose={() => setPanelOpen(false)}
          />
        </>
      )}

      {!showsVersion ? (
        <EmptyState
          icon={<DocumentIcon size={28} />}
          title="No policy version yet"
          headingLevel={3}
          className="document-empty"
          actions={
            <Button
              ref={importButtonRef}
              variant="primary"
              icon={<UploadIcon />}
              onClick={() => void chooseFiles()}
              disabled={readOnly}
            >
              Import version…
            </Button>
          }
        >
          <p>Import the policy: drop a Word, PDF, HTML, Markdown or text file here, or choose Import version…</p>
          <p className="document-empty-note">
            Each file becomes a version of the policy, to read, annotate and compare. Drop several files to import them
            one after another.
          </p>
        </EmptyState>
      ) : (
        <AnnotatedDocument key={selected.id} version={selected} />
      )}

      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-message">
            <UploadIcon size={32} />
            <p className="drop-overlay-title">
              {readOnly ? 'This review is read-only: nothing can be imported' : 'Drop to import as new versions'}
            </p>
            {!readOnly && <p>Word, PDF, HTML, Markdown or text files, imported in the order dropped.</p>}
          </div>
        </div>
      )}

      {editing?.kind === 'edit' && (
        <EditVersionDialog
          version={editing.version}
          save={(changes) => saveChanges(editing.version, changes)}
          busy={update.busy}
          error={update.error}
          onClose={() => setEditing(undefined)}
          returnFocusTo={() => importButtonRef.current}
        />
      )}
      {editing?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete version “${editing.version.label}”?`}
          confirmLabel="Delete version"
          onConfirm={() => void deleteVersion(editing.version)}
          onCancel={() => setEditing(undefined)}
          busy={remove.busy}
          error={remove.error}
          returnFocusTo={() => importButtonRef.current}
        >
          <DeleteConsequences version={editing.version} annotations={annotationsOn(editing.version)} />
        </ConfirmDialog>
      )}
    </div>
  );
}

function DeleteConsequences({ version, annotations }: { version: Version; annotations: number }) {
  return (
    <>
      <p>
        {annotations === 0
          ? `“${version.label}” is removed from this review. It has no annotations.`
          : `“${version.label}” is removed from this review, and its ${countOf(annotations, 'annotation')} with it.`}
      </p>
      <p className="delete-note">
        This cannot be undone here; to get the version back, import {version.source.fileName} again.
      </p>
    </>
  );
}
