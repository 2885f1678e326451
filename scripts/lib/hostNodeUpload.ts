// Sends bytes to a host node the way the browser does: Kubo's `/api/v0/add` multipart, a folder as parts named
// `folder/file`. Used by the demo seed and the bench; the browser has its own client in lib/files.
export async function addToHostNode(endpoint: string, entries: { path: string; bytes: Uint8Array }[]): Promise<string> {
  const form = new FormData();
  for (const entry of entries) {
    form.append('file', new Blob([entry.bytes as Uint8Array<ArrayBuffer>]), encodeURIComponent(entry.path));
  }
  const response = await fetch(`${endpoint}/api/v0/add?cid-version=1`, { method: 'POST', body: form });
  const body = await response.text();
  if (!response.ok) throw new Error(`host node ${endpoint} refused the upload (${response.status}): ${body.trim()}`);
  // NDJSON, the root last.
  const lines = body.trim().split('\n');
  const root = JSON.parse(lines[lines.length - 1]!) as { Hash?: string };
  if (!root.Hash) throw new Error(`host node ${endpoint} answered without a CID: ${body.trim()}`);
  return root.Hash;
}
