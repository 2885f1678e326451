// Where a revealed report can be read from. A report revealed as `ipfs://<cid>[/path]` is content-addressed: the
// app fetches it from the elected host nodes and checks every block against the CID before showing it. A report on
// https (a gist, say) names a server, not content: the app cannot check that the bytes it would get are the bytes
// the auditor committed to, so it only links out. No React here.
import { CID } from 'multiformats/cid';
import { safeLinkUrl } from '@/lib/format/links';

export type ReportSource =
  /** On the Callisto File System: `cid` is the root to fetch and verify, `path` the file inside it ('' for the root). */
  | { kind: 'ipfs'; link: string; cid: string; path: string }
  /** On a web server: readable only by following the link, never verified by the app. */
  | { kind: 'https'; link: string; url: string }
  /** Anything else: shown as text, never followed. */
  | { kind: 'unsupported'; link: string };

/** The one form of CID the app reads: parsed and printed back, so that case or multibase tricks cannot pass. */
function canonicalCid(text: string): string | undefined {
  try {
    return CID.parse(text).toString();
  } catch {
    return undefined;
  }
}

export function reportSourceOf(link: string): ReportSource {
  if (link.startsWith('ipfs://')) {
    const rest = link.slice('ipfs://'.length);
    const slash = rest.indexOf('/');
    const cidText = slash === -1 ? rest : rest.slice(0, slash);
    const path = slash === -1 ? '' : rest.slice(slash + 1).replace(/\/+$/, '');
    const cid = canonicalCid(cidText);
    // A path may not climb out of the root or carry a query: it names one file inside the stored folder.
    const pathOk = path === '' || path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
    if (!cid || !pathOk || /[?#\s]/.test(path)) return { kind: 'unsupported', link };
    return { kind: 'ipfs', link, cid, path };
  }
  const url = safeLinkUrl(link);
  if (url && url.startsWith('https://')) return { kind: 'https', link, url };
  return { kind: 'unsupported', link };
}

/** The path of the report's file in a verified download named after its root CID (see exportVerified). */
export function reportFilePath(source: Extract<ReportSource, { kind: 'ipfs' }>): string {
  return source.path === '' ? source.cid : `${source.cid}/${source.path}`;
}
