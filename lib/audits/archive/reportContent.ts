// What a verified report is, read from its own bytes (a host node's Content-Type is not trusted): a PDF starts with
// the PDF signature; anything else that is valid UTF-8 text is shown as Markdown; the rest can only be saved.
// No React here.

export type ReportContent =
  | { format: 'markdown'; text: string; bytes: Uint8Array }
  | { format: 'pdf'; bytes: Uint8Array }
  | { format: 'binary'; bytes: Uint8Array };

/** Reports are documents: a larger one is offered for saving, not rendered in the page. */
export const MAX_RENDERED_REPORT_BYTES = 5_000_000;

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function isPdf(bytes: Uint8Array): boolean {
  // The PDF specification lets the signature sit anywhere in the first 1024 bytes; writers put it first.
  const window = bytes.subarray(0, 1024);
  outer: for (let start = 0; start + PDF_SIGNATURE.length <= window.length; start++) {
    for (let i = 0; i < PDF_SIGNATURE.length; i++) if (window[start + i] !== PDF_SIGNATURE[i]) continue outer;
    return true;
  }
  return false;
}

export function reportContentOf(bytes: Uint8Array): ReportContent {
  if (isPdf(bytes)) return { format: 'pdf', bytes };
  if (bytes.length > MAX_RENDERED_REPORT_BYTES) return { format: 'binary', bytes };
  try {
    // fatal: a file that is not UTF-8 is not text, and decoding it with replacement characters would show a
    // document that differs from the bytes the CID names.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    // A NUL byte is never in a Markdown document: it is a binary file that happens to decode.
    if (text.includes('\u0000')) return { format: 'binary', bytes };
    return { format: 'markdown', text, bytes };
  } catch {
    return { format: 'binary', bytes };
  }
}
