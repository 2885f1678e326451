// Sends bytes to a host node the way the browser does: Kubo's `/api/v0/add` multipart, a folder as parts named
// `folder/file`. Used by the demo seed and the bench; the browser has its own client in lib/files.
// A node takes a few uploads at a time from one address (429) and a few more from everyone (503): those answers
// say when to come back (Retry-After), and the upload is sent again then.
const RETRIES = 60;
/** Uploads this process sends one node at once: the node's default share for one address. */
const PER_NODE = 4;
const sending = new Map<string, { active: number; queue: Array<() => void> }>();

/** Runs `send` once fewer than PER_NODE uploads to `endpoint` are on their way from this process. */
async function inTurn<T>(endpoint: string, send: () => Promise<T>): Promise<T> {
  const slots = sending.get(endpoint) ?? { active: 0, queue: [] };
  sending.set(endpoint, slots);
  if (slots.active >= PER_NODE) await new Promise<void>((resolve) => slots.queue.push(resolve));
  else slots.active++;
  try {
    return await send();
  } finally {
    const next = slots.queue.shift();
    if (next) next();
    else slots.active--;
  }
}

export function addToHostNode(endpoint: string, entries: { path: string; bytes: Uint8Array }[]): Promise<string> {
  return inTurn(endpoint, () => send(endpoint, entries));
}

async function send(endpoint: string, entries: { path: string; bytes: Uint8Array }[]): Promise<string> {
  const form = new FormData();
  for (const entry of entries) {
    form.append('file', new Blob([entry.bytes as Uint8Array<ArrayBuffer>]), encodeURIComponent(entry.path));
  }
  let response = await fetch(`${endpoint}/api/v0/add?cid-version=1`, { method: 'POST', body: form });
  for (let attempt = 1; (response.status === 429 || response.status === 503) && attempt <= RETRIES; attempt++) {
    await response.body?.cancel();
    const seconds = Number(response.headers.get('retry-after') ?? 1);
    // Spread the retries a little, so that clients refused together do not all come back at the same moment.
    await new Promise((resolve) =>
      setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000 * (0.5 + Math.random())),
    );
    response = await fetch(`${endpoint}/api/v0/add?cid-version=1`, { method: 'POST', body: form });
  }
  const body = await response.text();
  if (!response.ok) throw new Error(`host node ${endpoint} refused the upload (${response.status}): ${body.trim()}`);
  // NDJSON, the root last.
  const lines = body.trim().split('\n');
  const root = JSON.parse(lines[lines.length - 1]!) as { Hash?: string };
  if (!root.Hash) throw new Error(`host node ${endpoint} answered without a CID: ${body.trim()}`);
  return root.Hash;
}
