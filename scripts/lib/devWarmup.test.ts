import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoutes, linkedAssets, warmRoutes } from './devWarmup';
import { projectRoot } from './paths';

describe('the routes `npm run dev` warms', () => {
  it('lists every page of the app, home first, as the static export serves them', () => {
    const routes = appRoutes(join(projectRoot, 'app'));
    expect(routes[0]).toBe('/');
    for (const route of [
      '/staking/',
      '/governance/',
      '/governance/proposal/',
      '/audits/new/',
      '/files/file/',
      '/nodes/',
    ]) {
      expect(routes).toContain(route);
    }
    expect(routes.every((r) => r.endsWith('/'))).toBe(true);
  });

  it('follows route groups, and skips private folders, parallel slots and dynamic segments', () => {
    const app = mkdtempSync(join(tmpdir(), 'warm-routes-'));
    try {
      const page = (dir: string) => {
        mkdirSync(join(app, dir), { recursive: true });
        writeFileSync(join(app, dir, 'page.tsx'), 'export default function P() { return null; }');
      };
      page('.');
      page('(marketing)/about');
      page('_drafts/secret');
      page('@modal/login');
      page('items/[id]');
      page('items');
      mkdirSync(join(app, 'empty'));
      expect(appRoutes(app)).toEqual(['/', '/about/', '/items/']);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

describe('the assets a page links', () => {
  it('keeps same-origin scripts, styles and icons, and leaves fonts and other hosts out', () => {
    const html = `<link rel="stylesheet" href="/_next/static/a.css"><script src="/_next/static/chunks/b.js?v=1&amp;x=2" async></script>
      <link rel="preload" href="/_next/static/media/font.woff2" as="font"><script src="https://cdn.example/c.js"></script>
      <link rel="icon" href="/icon.svg?abc">`;
    expect(linkedAssets(html, 'http://127.0.0.1:3000/staking/')).toEqual([
      'http://127.0.0.1:3000/_next/static/a.css',
      'http://127.0.0.1:3000/_next/static/chunks/b.js?v=1&x=2',
      'http://127.0.0.1:3000/icon.svg?abc',
    ]);
  });
});

describe('warming a server', () => {
  const requested: string[] = [];
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requested.push(req.url!);
      if (req.url === '/missing/') {
        res.writeHead(404).end('no');
      } else if (req.url!.endsWith('/')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<script src="/chunk${req.url!.length}.js"></script>`);
      } else {
        res.writeHead(200).end('js');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports a route that does not answer without stopping the others', async () => {
    const results = await warmRoutes('http://127.0.0.1:1', ['/', '/staking/']);
    expect(results.map((r) => [r.route, r.status])).toEqual([
      ['/', 0],
      ['/staking/', 0],
    ]);
    expect(results.every((r) => r.error)).toBe(true);
  });

  it('requests each route once with what its page links, and reports each status', async () => {
    const heard: string[] = [];
    const results = await warmRoutes(baseUrl, ['/', '/staking/', '/missing/'], {
      concurrency: 2,
      onResult: (r) => heard.push(r.route),
    });
    expect([...requested].sort()).toEqual(['/', '/chunk1.js', '/chunk9.js', '/missing/', '/staking/']);
    expect(heard.sort()).toEqual(['/', '/missing/', '/staking/']);
    expect(Object.fromEntries(results.map((r) => [r.route, [r.status, r.assets]]))).toEqual({
      '/': [200, 1],
      '/staking/': [200, 1],
      '/missing/': [404, 0],
    });
  });
});
