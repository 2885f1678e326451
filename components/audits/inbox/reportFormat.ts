// What a decrypted report is, read from its own bytes: a PDF by its signature, Markdown when it is UTF-8 text,
// anything else only saved. No React here.
// TODO(merge): the archive reader (components/audits/archive, lib/audits/archive/reportContent.ts) makes the same
// decision for revealed reports; once both are on main, one of the two should go.

export type OpenedReportFormat = { kind: 'markdown'; text: string } | { kind: 'pdf' } | { kind: 'binary' };

const PDF_SIGNATURE = '%PDF-';

export function openedReportFormat(bytes: Uint8Array): OpenedReportFormat {
  // PDF readers accept the signature anywhere in the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes(PDF_SIGNATURE)) return { kind: 'pdf' };
  try {
    // fatal: bytes that are not UTF-8 are not shown as text with replacement characters.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? { kind: 'binary' } : { kind: 'markdown', text };
  } catch {
    return { kind: 'binary' };
  }
}
