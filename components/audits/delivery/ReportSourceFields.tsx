'use client';

import { useId, useState, type ChangeEvent } from 'react';
import { reportContentOf } from '@/lib/audits/archive/reportContent';
import { MAX_REPORT_BYTES } from '@/lib/audits/envelope/format';
import { formatBytes } from '@/lib/files/units';
import { inputClass } from '@/components/ui/FormField';
import { RadioGroup } from '@/components/ui/RadioGroup';
import { ReportViewer } from '../archive/ReportViewer';
import { reportSizeProblem } from './deliveryPlan';

export type ReportSource = { bytes: Uint8Array | undefined; name: string; problem: string | undefined };

const SOURCES = [
  ['write', 'Write it here in Markdown'],
  ['file', 'Pick a file (Markdown or PDF)'],
] as const;

type SourceKind = (typeof SOURCES)[number][0];

const encoder = new TextEncoder();
const LIMIT = formatBytes(BigInt(MAX_REPORT_BYTES));

/**
 * Where the report comes from: Markdown written in the page (with a preview rendered by the archive's own sanitized
 * renderer, exactly as the managers will read it) or a Markdown or PDF file picked from the device. Reports its
 * bytes to the form as they change.
 */
export function ReportSourceFields({
  onChange,
  disabled,
}: {
  onChange(source: ReportSource): void;
  /** While the report is being delivered: what is sent cannot change under it. */
  disabled: boolean;
}) {
  const id = useId();
  const [mode, setMode] = useState<SourceKind>('write');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [textBytes, setTextBytes] = useState<Uint8Array | undefined>(undefined);
  const textProblem = textBytes ? reportSizeProblem(textBytes.length) : undefined;

  function write(value: string) {
    setText(value);
    const bytes = value === '' ? undefined : encoder.encode(value);
    setTextBytes(bytes);
    onChange({ bytes, name: 'report.md', problem: bytes ? reportSizeProblem(bytes.length) : undefined });
  }

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    // Said before reading: a file over the limit is never loaded into the tab.
    const tooLarge = reportSizeProblem(file.size);
    if (tooLarge) {
      setFileProblem(tooLarge);
      return onChange({ bytes: undefined, name: file.name, problem: tooLarge });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem =
      reportContentOf(bytes).format === 'binary'
        ? 'This file is neither Markdown (UTF-8 text) nor a PDF: the managers could not read it in the page.'
        : undefined;
    setFileProblem(problem);
    onChange({ bytes: problem ? undefined : bytes, name: file.name, problem });
  }

  function choose(next: SourceKind) {
    setMode(next);
    setFileProblem(undefined);
    if (next === 'write') write(text);
    else onChange({ bytes: undefined, name: '', problem: undefined });
  }

  return (
    <div className="space-y-3">
      <RadioGroup legend="The report" options={SOURCES} value={mode} onChange={choose} disabled={disabled} />
      {mode === 'write' ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <label htmlFor={`${id}-text`} className="text-sm font-medium">
              Report (Markdown)
            </label>
            <button
              type="button"
              className="text-sm text-teal-300 underline underline-offset-2"
              aria-pressed={preview}
              onClick={() => setPreview((p) => !p)}
            >
              {preview ? 'Edit' : 'Preview'}
            </button>
          </div>
          {preview ? (
            <div aria-label="Preview of the report" role="region" data-testid="report-preview">
              {textBytes ? (
                <ReportViewer content={{ format: 'markdown', text, bytes: textBytes }} fileName="report.md" />
              ) : (
                <p className="text-sm text-slate-400">Nothing written yet.</p>
              )}
            </div>
          ) : (
            <textarea
              id={`${id}-text`}
              value={text}
              onChange={(e) => write(e.target.value)}
              readOnly={disabled}
              rows={12}
              spellCheck
              aria-describedby={`${id}-text-hint${textProblem ? ` ${id}-text-error` : ''}`}
              aria-invalid={textProblem ? true : undefined}
              className={`${inputClass} font-mono text-sm`}
            />
          )}
          <p id={`${id}-text-hint`} className="text-xs text-slate-400">
            Rendered for the managers as here: no raw HTML, links only to https:// and ipfs://. At most {LIMIT}.
          </p>
          {textProblem && (
            <p id={`${id}-text-error`} className="text-sm text-rose-300">
              {textProblem}
            </p>
          )}
        </div>
      ) : (
        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            Report file
          </label>
          <p id={`${id}-file-hint`} className="text-xs text-slate-400">
            A Markdown (.md) or PDF file of at most {LIMIT}. It is read and encrypted in this tab; only the encrypted
            envelope leaves it.
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept=".md,.markdown,.txt,.pdf,text/markdown,text/plain,application/pdf"
            onChange={(e) => void pick(e)}
            disabled={disabled}
            aria-describedby={`${id}-file-hint${fileProblem ? ` ${id}-file-error` : ''}`}
            aria-invalid={fileProblem ? true : undefined}
            data-testid="report-file-input"
            className="block w-full text-sm"
          />
          {fileProblem && (
            <p id={`${id}-file-error`} className="text-sm text-rose-300">
              {fileProblem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
