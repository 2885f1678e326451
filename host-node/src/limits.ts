// Shares of the node a client may take: who a client is (its address, or the address a trusted reverse proxy names),
// and counters of what each client and all clients together hold at once (connections, uploads, reads). A refusal is
// an HttpError with a plain sentence and Retry-After, so a well-behaved client knows when to come back.
import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import { HttpError } from './http';

/**
 * The key a client is counted under: an IPv4 address, or the /64 network of an IPv6 address (one subscriber gets
 * a whole /64, so counting single IPv6 addresses would give one person 2^64 shares). IPv4-mapped IPv6 addresses
 * count as their IPv4 address.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::') as [string, string?];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The client of a request: the socket's peer, or when that peer is a trusted reverse proxy, the last address in
 * X-Forwarded-For that is not one of the trusted proxies (everything left of it the client could have written). */
export function clientOf(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = req.socket.remoteAddress;
  if (trustedProxies.length === 0 || !peer || !trustedProxies.includes(normalizeAddress(peer))) return clientKey(peer);
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trustedProxies.includes(normalizeAddress(hop))) return clientKey(hop);
  }
  return clientKey(peer);
}

function normalizeAddress(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/** Counts holders per client and in total; `acquire` refuses past either limit. */
export class ShareCounter {
  private readonly perClient = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perClientLimit: number,
    private readonly totalLimit: number,
    /** Sentences for the two refusals. */
    private readonly refusals: { client: string; total: string },
    private readonly retryAfterSeconds = 1,
  ) {}

  get active(): number {
    return this.total;
  }

  of(client: string): number {
    return this.perClient.get(client) ?? 0;
  }

  /** Takes one share for `client`; returns the function that gives it back (safe to call twice). */
  acquire(client: string): () => void {
    const retry = { 'Retry-After': String(this.retryAfterSeconds) };
    if (this.of(client) >= this.perClientLimit) throw new HttpError(429, this.refusals.client, retry);
    if (this.total >= this.totalLimit) throw new HttpError(503, this.refusals.total, retry);
    this.perClient.set(client, this.of(client) + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = this.of(client) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }
}

/** Connections per client address, counted as sockets open and close (before any HTTP is parsed). */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts a new connection; false when its client already holds the limit (the caller closes it). */
  admit(key: string, onClose: (release: () => void) => void): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(key, count + 1);
    onClose(() => {
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    });
    return true;
  }
}

/** A whole HTTP answer written straight to a socket that is refused before Node parses its request. */
export function rawJsonAnswer(status: number, reason: string, message: string, retryAfterSeconds: number): string {
  const body = `${JSON.stringify({ error: message })}\n`;
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nRetry-After: ${retryAfterSeconds}\r\nConnection: close\r\n\r\n${body}`
  );
}
