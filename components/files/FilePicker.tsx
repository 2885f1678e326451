'use client';

import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { pickFromDataTransfer, pickFromFileList, type PickResult } from '@/lib/files/picking';
import { Button } from '@/components/ui/primitives';

/**
 * Where a file or a whole folder is picked: a drop zone (also a keyboard control: Enter or Space opens the file
 * chooser) and two buttons, one for a file and one for a folder, because a browser's chooser offers one or the
 * other, never both.
 */
export function FilePicker({
  onPick,
  disabled,
  describedBy,
}: {
  onPick(result: PickResult): void;
  disabled?: boolean;
  /** The id of the message about the pick, read with the drop zone. */
  describedBy?: string;
}) {
  const fileInput = useRef<HTMLInputElement | null>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const [dragging, setDragging] = useState(false);

  const chooseFile = () => fileInput.current?.click();
  const chooseFolder = () => folderInput.current?.click();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (disabled) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      chooseFile();
    }
  }

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (disabled) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    // The entries must be taken during the event: pickFromDataTransfer reads them before its first await.
    void pickFromDataTransfer(event.dataTransfer).then(onPick);
  }

  function fromInput(input: HTMLInputElement | null) {
    if (!input?.files) return;
    onPick(pickFromFileList(input.files));
    // Cleared so that choosing the same file again is a change too.
    input.value = '';
  }

  return (
    <div className="space-y-3">
      <div
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled || undefined}
        aria-describedby={['upload-drop-hint', describedBy].filter(Boolean).join(' ')}
        onClick={() => !disabled && chooseFile()}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="upload-drop-zone"
        className={`flex min-h-28 cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-400 ${
          dragging ? 'border-teal-400 bg-teal-950/40' : 'border-slate-700 bg-slate-950/40 hover:border-slate-500'
        } ${disabled ? 'cursor-not-allowed opacity-50' : ''}`}
      >
        <span className="font-medium text-slate-100">Drop a file or a folder here</span>
        <span id="upload-drop-hint" className="mt-1 text-xs text-slate-400">
          or press Enter to choose a file. A folder is stored whole, as one IPFS directory with one CID.
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={chooseFile} disabled={disabled}>
          Choose a file
        </Button>
        <Button variant="secondary" onClick={chooseFolder} disabled={disabled}>
          Choose a folder
        </Button>
      </div>
      <input
        ref={fileInput}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="upload-file-input"
        onChange={(e) => fromInput(e.currentTarget)}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          // Not in React's typings: the attribute that makes the chooser pick a folder and give each file its
          // path inside it (webkitRelativePath). Every current browser supports it under this name.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="upload-folder-input"
        onChange={(e) => fromInput(e.currentTarget)}
      />
    </div>
  );
}
