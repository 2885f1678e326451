import { importToBlockstore } from '../lib/files/unixfs';
import { EmbeddedStore } from '../host-node/src/embeddedStore';
import { mkdtempSync } from 'node:fs';
const mode = process.argv[2];
const gc = (globalThis as any).gc as () => void;
const mb = () => { gc(); return (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1); };
const entries = function* () { for (let i = 0; i < 10000; i++) yield { path: `d/f${i}`, content: (async function* () { yield new TextEncoder().encode(`file ${i}`.repeat(10)); })() }; };
let blocks: any = { put: (c: any) => c };
let store: EmbeddedStore | undefined;
if (mode === 'store') { store = await EmbeddedStore.open(mkdtempSync('/tmp/hn/st-')); blocks = store.blocks; }
console.log('before', mb());
const t = Date.now();
let peak = 0;
const iv = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 50);
const r = await importToBlockstore(blocks, entries());
clearInterval(iv);
console.log('import', Date.now() - t, 'ms; after', mb(), 'peak heapUsed', (peak / 2 ** 20).toFixed(1), r.cid);
if (store) { const t2 = Date.now(); const { CID } = await import('multiformats/cid'); await store.pin(CID.parse(r.cid), 'staged'); console.log('pin', Date.now() - t2, 'ms', mb()); await store.close(); }
