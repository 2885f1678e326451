// The node's HTTP server (node:http): routes, CORS, and one error shape, {"error": "..."} with a fitting status.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleGateway } from './gateway';
import { applyCors, HttpError, sendError, sendJson } from './http';
import { describeError, type Log } from './log';
import { handleAdd, type UploadDeps } from './upload';

export interface ServerDeps extends UploadDeps {
  corsOrigins: readonly string[];
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
  metricsText(): Promise<string>;
  log: Log;
}

function allow(req: IncomingMessage, methods: string[]): void {
  if (!methods.includes(req.method ?? '')) {
    throw new HttpError(405, `${req.method} is not allowed here; use ${methods.join(' or ')}.`, {
      Allow: methods.join(', '),
    });
  }
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  if (applyCors(req, res, deps.corsOrigins)) return;
  const url = new URL(req.url ?? '/', 'http://host-node');
  const path = url.pathname;

  if (path === '/api/v0/add') {
    allow(req, ['POST']);
    return handleAdd(req, res, url, deps);
  }
  if (path.startsWith('/ipfs/')) {
    allow(req, ['GET', 'HEAD']);
    // Held content, and content uploaded here whose file is registered on chain but not yet pinned: the other nodes
    // replicate it from the moment the FileUpload event is seen, not only after this node has pinned it.
    return handleGateway(req, res, url, deps.store, async (root) => {
      if (await deps.store.isPinned(root, 'held')) return true;
      return deps.replicator.isRegistered(root.toString()) && (await deps.store.isPinned(root, 'staged'));
    });
  }
  if (path === '/health') {
    allow(req, ['GET', 'HEAD']);
    const { status, body } = await deps.health();
    return sendJson(res, status, body);
  }
  if (path === '/metrics') {
    allow(req, ['GET']);
    const text = await deps.metricsText();
    res.writeHead(200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-store',
    });
    res.end(text);
    return;
  }
  throw new HttpError(404, `Nothing at ${path}: this node serves /api/v0/add, /ipfs/{cid}, /health and /metrics.`);
}

export function createHostNodeServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      deps.log(`${req.method} ${req.url} failed: ${describeError(error)}`);
      sendError(res, new HttpError(500, 'The host node failed to answer; see its log.'));
    });
  });
}
