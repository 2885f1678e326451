// The node's HTTP server (node:http): routes, CORS, and one error shape, {"error": "..."} with a fitting status.
// Also its defences against slow and greedy clients: the header and whole-request timeouts (Node's own, checked
// every connectionsCheckingInterval), connections per client address, and gateway reads per client and in total.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleGateway } from './gateway';
import { applyCors, HttpError, sendError, sendJson } from './http';
import { clientKey, clientOf, ConnectionCounter, rawJsonAnswer, type ShareCounter } from './limits';
import { describeError, type Log } from './log';
import { handleAdd, type UploadDeps } from './upload';

export interface ServerDeps extends UploadDeps {
  /** Gateway reads being answered, per client and in total. */
  reads: ShareCounter;
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
    // A read holds a share until its answer is sent or cut off (a reader that stops reading is cut off after the
    // idle timeout), so readers cannot pile up buffers past the limit.
    const release = deps.reads.acquire(clientOf(req, deps.limits.trustedProxies));
    res.once('close', release);
    // Held content, and content uploaded here whose file is registered on chain but not yet pinned: the other nodes
    // replicate it from the moment the FileUpload event is seen, not only after this node has pinned it.
    return handleGateway(
      req,
      res,
      url,
      deps.store,
      async (root) => {
        if (await deps.store.isPinned(root, 'held')) return true;
        return deps.replicator.isRegistered(root.toString()) && (await deps.store.isPinned(root, 'staged'));
      },
      deps.limits.idleTimeoutMs,
    );
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

/**
 * A refusal sent before the request body was read: the client may still be sending. Read and drop the rest so it
 * can read the answer (a browser that is cut off mid-send shows a network error instead), but only while bytes keep
 * coming: a client that stalls is closed after the idle timeout, and Node's request timeout bounds the whole.
 */
function dropRestOfBody(req: IncomingMessage, idleTimeoutMs: number): void {
  if (req.complete || req.destroyed) return;
  const socket = req.socket;
  socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  req.once('end', () => socket.setTimeout(0));
  req.resume();
}

export function createHostNodeServer(deps: ServerDeps): Server {
  const { limits } = deps;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // A backstop behind the upload's own timer (spool.ts), which answers in JSON first.
      requestTimeout: limits.requestTimeoutMs + 1000,
      // How often Node checks both: often enough that a short timeout (tests) is kept to within a fraction.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => {
      route(req, res, deps).catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof HttpError) {
          if (error.headers.Connection !== 'close') dropRestOfBody(req, limits.idleTimeoutMs);
          sendError(res, error);
          return;
        }
        deps.log(`${req.method} ${req.url} failed: ${describeError(error)}`);
        dropRestOfBody(req, limits.idleTimeoutMs);
        sendError(res, new HttpError(500, 'The host node failed to answer; see its log.'));
      });
    },
  );
  // Counted per socket before any HTTP is parsed: a slowloris opening hundreds of connections from one address is
  // refused past the limit, and never exhausts the file descriptors other clients need. Trusted proxies carry many
  // clients on their connections, so they are not counted.
  const connections = new ConnectionCounter(limits.maxConnectionsPerClient);
  server.on('connection', (socket) => {
    const peer = socket.remoteAddress;
    if (peer && limits.trustedProxies.some((proxy) => clientKey(proxy) === clientKey(peer))) return;
    const admitted = connections.admit(clientKey(peer), (release) => socket.once('close', release));
    if (admitted) return;
    socket.end(
      rawJsonAnswer(
        429,
        'Too Many Requests',
        `Your address has ${limits.maxConnectionsPerClient} connections open to this node, its limit: close some.`,
        1,
      ),
    );
    // Closed once the client has read the answer and closed its side, or soon in any case. Not at once: closing with
    // its request unread would reset the connection and lose the answer.
    socket.setTimeout(1000, () => socket.destroy());
  });
  return server;
}
