import { useState, type DragEvent } from 'react';

export interface DroppedFiles {
  files: File[];
  /** Names of folders among the dropped items: only files can be imported. */
  folders: string[];
}

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** Splits what was dropped into files and folders, in the order they were dropped. */
function droppedFiles(transfer: DataTransfer): DroppedFiles {
  const files: File[] = [];
  const folders: string[] = [];
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  if (items.length === 0) return { files: [...transfer.files], folders };
  for (const item of items) {
    // Both must be asked for during the drop event itself; the entry is null where the browser cannot tell.
    const entry = item.webkitGetAsEntry();
    const file = item.getAsFile();
    if (entry?.isDirectory) folders.push(entry.name || file?.name || 'A folder');
    else if (file) files.push(file);
  }
  return { files, folders };
}

/**
 * Makes an element a drop target for files: `over` is true while files are dragged over it, and `onDrop` gets
 * them, in order, when they are dropped. `onApproach` hears when files are first dragged over it, before any
 * drop. Drags of anything else (text, links) are left alone.
 */
export function useFileDrop(onDrop: (dropped: DroppedFiles) => void, enabled: boolean, onApproach?: () => void) {
  const [over, setOver] = useState(false);
  const dropTargetProps = {
    onDragEnter: (event: DragEvent<HTMLElement>) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (!over && enabled) onApproach?.();
      setOver(true);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
      setOver(true);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      // Moving between the target's own children is not leaving it.
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      setOver(false);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setOver(false);
      if (enabled) onDrop(droppedFiles(event.dataTransfer));
    },
  };
  return { over, dropTargetProps };
}
