// Cancelling a send that hangs, as the user sees it: the panel of the upload flow (lib/files/uploadFlow.ts) driven
// by its real send step (lib/files/uploadSteps.ts) over the browser's XMLHttpRequest to a node that accepts the
// connection and never answers an upload, the one failure a running host node cannot be made to show.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer, useRef } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickedUpload } from '@/lib/files/picking';
import { MB } from '@/lib/files/pricing';
import {
  initialUploadFlow,
  quoteUpload,
  uploadFlowReducer,
  type UploadFlowEvent,
  type UploadFlowState,
} from '@/lib/files/uploadFlow';
import { sendPicked } from '@/lib/files/uploadSteps';
import { UploadProgressPanel } from './UploadProgressPanel';

const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const picked: PickedUpload = {
  name: 'notes.txt',
  kind: 'file',
  entries: [{ path: 'notes.txt', file: new Blob(['some notes']) }],
  size: 10n,
};

/** The flow right after the deposit was paid. */
function registeredFlow(): UploadFlowState {
  const totals = {
    used_bytes: 0n,
    pending_bytes: 0n,
    capacity_bytes: 100n * MB,
    node_count: 1n,
    unit_price: 10n ** 15n,
    floor_price: 10n ** 12n,
  };
  const paid = quoteUpload(10n, totals);
  if ('error' in paid) throw new Error('unexpected refusal');
  const events: UploadFlowEvent[] = [
    { type: 'pick', pickId: 1, result: { picked }, defaultPath: 'notes.txt', totals },
    { type: 'hashed', pickId: 1, cid: CID, size: 10n },
    { type: 'registered', id: 3n, paid },
  ];
  return events.reduce(uploadFlowReducer, initialUploadFlow);
}

function SendPanel({ endpoints }: { endpoints: string[] }) {
  const [flow, dispatch] = useReducer(uploadFlowReducer, undefined, registeredFlow);
  const abort = useRef<AbortController | null>(null);
  const sendId = useRef(0);
  const send = () => {
    abort.current = new AbortController();
    sendId.current += 1;
    void sendPicked(sendId.current, endpoints, picked, CID, abort.current.signal, dispatch);
  };
  return (
    <>
      <button type="button" onClick={send}>
        Start
      </button>
      <UploadProgressPanel
        registered={flow.registered!}
        send={flow.send}
        notes={flow.notes}
        onRetry={send}
        onCancel={() => abort.current?.abort()}
        onAnother={() => undefined}
      />
    </>
  );
}

describe('cancelling a send', () => {
  let hung: Server;
  let url: string;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    // Lets the app's origin in, then never answers an upload: a node stuck mid-request.
    hung = createServer((request: IncomingMessage, response: ServerResponse) => {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'access-control-allow-origin': request.headers.origin ?? '*',
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': '*',
        });
        response.end();
        return;
      }
      request.resume();
      held.push(response);
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const response of held) response.destroy();
    await new Promise((resolve) => hung.close(resolve));
  });

  it('stops a send that hangs, says the file stays registered, and offers to send it again', async () => {
    const user = userEvent.setup();
    render(<SendPanel endpoints={[url]} />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText(`Uploading to ${new URL(url).host}`)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel the upload' }));
    const failed = await screen.findByTestId('upload-failed');
    expect(failed.textContent).toContain('The upload was cancelled.');
    expect(failed.textContent).toContain('The file is registered and its deposit is held');
    expect(screen.queryByRole('button', { name: 'Cancel the upload' })).toBeNull();

    // Sending again starts a new attempt; the cancelled one's late news changes nothing.
    await user.click(screen.getByRole('button', { name: 'Send the file again' }));
    expect(await screen.findByRole('button', { name: 'Cancel the upload' })).toBeTruthy();
    expect(screen.queryByTestId('upload-failed')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel the upload' }));
    expect((await screen.findByTestId('upload-failed')).textContent).toContain('The upload was cancelled.');
  });
});

describe('a busy node', () => {
  let busy: Server;
  let url: string;
  let uploads = 0;

  beforeAll(async () => {
    // Answers the first upload 429 with Retry-After: 1 (too many uploads at once), takes the next.
    busy = createServer((request: IncomingMessage, response: ServerResponse) => {
      const cors = {
        'access-control-allow-origin': request.headers.origin ?? '*',
        'access-control-expose-headers': 'Retry-After',
      };
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': '*',
        });
        response.end();
        return;
      }
      request.resume();
      request.on('end', () => {
        uploads += 1;
        if (uploads === 1) {
          response.writeHead(429, { ...cors, 'content-type': 'application/json', 'retry-after': '1' });
          response.end('{"error":"Too many uploads at once."}');
          return;
        }
        response.writeHead(200, { ...cors, 'content-type': 'application/x-ndjson' });
        response.end(`${JSON.stringify({ Name: 'notes.txt', Hash: CID, Size: '10' })}\n`);
      });
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(busy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    busy.closeAllConnections();
    await new Promise((resolve) => busy.close(resolve));
  });

  it('shows the wait the node asked for in the progress, then the upload done on that node', async () => {
    const user = userEvent.setup();
    render(<SendPanel endpoints={[url]} />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('The node is busy: trying it again in 1 s, as it asked')).toBeTruthy();
    expect(await screen.findByText(/Uploaded to/, undefined, { timeout: 5_000 })).toBeTruthy();
    expect(uploads).toBe(2);
  });
});
