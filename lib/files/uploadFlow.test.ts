import { describe, expect, it } from 'vitest';
import { MB, computeUploadDeposit, type PricingTotals } from './pricing';
import type { PickedUpload } from './picking';
import {
  initialUploadFlow,
  isLocked,
  payAction,
  quoteUpload,
  shownQuote,
  uploadFlowReducer,
  type Quote,
  type UploadFlowEvent,
  type UploadFlowState,
} from './uploadFlow';

const totals: PricingTotals = {
  used_bytes: 10n * MB,
  pending_bytes: 0n,
  capacity_bytes: 1_000n * MB,
  node_count: 2n,
  unit_price: 10n ** 17n,
  floor_price: 10n ** 15n,
};

function picked(name: string, size: bigint): PickedUpload {
  return { name, kind: 'file', entries: [{ path: name, file: new Blob(['x']) }], size };
}

const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const OTHER_CID = 'bafkreidivzimqfqtoqxkrpge6bjyhlvxqs3rhe73owtmdulaxr5do5in7u';

function run(events: UploadFlowEvent[], from: UploadFlowState = initialUploadFlow): UploadFlowState {
  return events.reduce(uploadFlowReducer, from);
}

const pick = (pickId: number, file: PickedUpload): UploadFlowEvent => ({
  type: 'pick',
  pickId,
  result: { picked: file },
  defaultPath: file.name,
  totals,
});

function depositOf(quote: { deposit: bigint } | { error: string } | undefined): bigint | undefined {
  return quote && !('error' in quote) ? quote.deposit : undefined;
}

/** A file picked, hashed and paid for at the totals above. */
function paidFor(size: bigint): { state: UploadFlowState; paid: Quote } {
  const paid = quoteUpload(size, totals);
  if ('error' in paid) throw new Error('unexpected refusal');
  const state = run([
    pick(1, picked('report.pdf', size)),
    { type: 'hashed', pickId: 1, cid: CID, size },
    { type: 'registered', id: 7n, paid },
  ]);
  return { state, paid };
}

describe('picking and hashing', () => {
  it('hashes a file that fits and proposes its name as the path', () => {
    const state = run([pick(1, picked('report.pdf', 5n * MB))]);
    expect(state.hash).toEqual({ phase: 'hashing', hashed: 0 });
    expect(state.path).toBe('report.pdf');
    const done = run(
      [
        { type: 'hashProgress', pickId: 1, hashed: 1_000 },
        { type: 'hashed', pickId: 1, cid: CID, size: 5n * MB },
      ],
      state,
    );
    expect(done.hash).toEqual({ phase: 'done', cid: CID, size: 5n * MB });
  });

  it('does not hash an empty file or one larger than the free space', () => {
    expect(run([pick(1, picked('empty.txt', 0n))]).hash.phase).toBe('idle');
    expect(run([pick(1, picked('huge.bin', 990n * MB))]).hash.phase).toBe('idle');
  });

  it('keeps a refused pick’s reason and nothing of the previous pick', () => {
    const state = run([
      pick(1, picked('a.txt', MB)),
      { type: 'pick', pickId: 2, result: { error: 'Drop one file or one folder.' }, defaultPath: '', totals },
    ]);
    expect(state.pickError).toBe('Drop one file or one folder.');
    expect(state.picked).toBeUndefined();
    expect(state.hash.phase).toBe('idle');
  });

  it('drops what the hashing of a replaced file reports', () => {
    const state = run([
      pick(1, picked('first.bin', MB)),
      pick(2, picked('second.bin', 2n * MB)),
      { type: 'hashed', pickId: 1, cid: OTHER_CID, size: MB },
      { type: 'hashFailed', pickId: 1, message: 'late' },
    ]);
    expect(state.picked?.name).toBe('second.bin');
    expect(state.hash).toEqual({ phase: 'hashing', hashed: 0 });
  });
});

describe('the quote', () => {
  it('re-quotes when the file changes', () => {
    const first = run([pick(1, picked('a.bin', MB)), { type: 'hashed', pickId: 1, cid: CID, size: MB }]);
    const second = run(
      [pick(2, picked('b.bin', 3n * MB)), { type: 'hashed', pickId: 2, cid: OTHER_CID, size: 3n * MB }],
      first,
    );
    expect(depositOf(shownQuote(first, totals))).toBe(depositOf(computeUploadDeposit(MB, totals)));
    expect(depositOf(shownQuote(second, totals))).toBe(depositOf(computeUploadDeposit(3n * MB, totals)));
    expect(depositOf(shownQuote(second, totals))).toBeGreaterThan(depositOf(shownQuote(first, totals))!);
  });

  it('follows the totals while nothing is paid: someone else’s upload raises it', () => {
    const state = run([pick(1, picked('a.bin', MB)), { type: 'hashed', pickId: 1, cid: CID, size: MB }]);
    const busier = { ...totals, pending_bytes: 400n * MB };
    expect(depositOf(shownQuote(state, busier))).toBeGreaterThan(depositOf(shownQuote(state, totals))!);
  });

  it('is frozen at the deposit paid once registered, though the upload itself moved the totals', () => {
    const size = 24n * MB;
    const { state, paid } = paidFor(size);
    // The contract now counts this very upload as pending: a fresh quote for the same size would be higher.
    const after = { ...totals, pending_bytes: totals.pending_bytes + size };
    expect(depositOf(quoteUpload(size, after))).toBeGreaterThan(paid.deposit);
    expect(shownQuote(state, after)).toEqual(paid);
    expect(depositOf(shownQuote(state, after))).toBe(paid.deposit);
  });

  it('follows the totals again after "Upload another"', () => {
    const { state } = paidFor(MB);
    const after = { ...totals, pending_bytes: MB };
    const next = run([{ type: 'reset', pickId: 2 }, pick(3, picked('next.bin', MB))], state);
    expect(next.registered).toBeUndefined();
    expect(depositOf(shownQuote(next, after))).toBe(depositOf(computeUploadDeposit(MB, after)));
  });

  it('says the new deposit when the price moved before paying, and forgets it on the next press', () => {
    const moved = run([pick(1, picked('a.bin', MB)), { type: 'submit' }, { type: 'priceMoved', deposit: '0.2 CLO' }]);
    expect(moved.priceNotice).toBe(
      'The price changed while you looked: the deposit is now 0.2 CLO. Press again to pay it.',
    );
    expect(run([{ type: 'submit' }], moved).priceNotice).toBeUndefined();
  });
});

describe('paying', () => {
  it('may pay only with a wallet, a CID, a valid path and a quote the contract accepts, and says why not', () => {
    const ready = run([pick(1, picked('a.bin', MB)), { type: 'hashed', pickId: 1, cid: CID, size: MB }]);
    const quote = shownQuote(ready, totals);
    const base: Parameters<typeof payAction>[1] = {
      connected: true,
      transactionBusy: false,
      sizeProblem: undefined,
      pathProblem: undefined,
      quote,
    };
    const reason = (state: UploadFlowState, over: Partial<typeof base> = {}) => {
      const action = payAction(state, { ...base, ...over });
      return action.allowed ? 'allowed' : action.reason;
    };
    expect(reason(ready)).toBe('allowed');
    expect(reason(ready, { connected: false })).toBe('Connect a wallet to upload.');
    expect(reason(ready, { transactionBusy: true })).toBe('Waiting for the transaction.');
    expect(reason(ready, { pathProblem: 'Enter a path' })).toBe('Correct the path above first.');
    expect(reason(ready, { sizeProblem: 'It is 2 KB; ...' })).toMatch(/cannot be stored/);
    expect(reason(ready, { quote: { error: 'over-capacity' } })).toBe('The contract would refuse this upload now.');
    expect(reason(run([pick(1, picked('a.bin', MB))]))).toBe('Waiting for the CID.');
    expect(reason(run([pick(1, picked('a.bin', MB)), { type: 'hashFailed', pickId: 1, message: 'x' }]))).toMatch(
      /pick the file again/,
    );
    expect(reason(initialUploadFlow)).toBe('Pick a file or a folder first.');
  });

  it('locks the pick and the path once registered: the same file cannot be paid twice', () => {
    const { state } = paidFor(MB);
    expect(isLocked(state, false)).toBe(true);
    const again = payAction(state, {
      connected: true,
      transactionBusy: false,
      sizeProblem: undefined,
      pathProblem: undefined,
      quote: shownQuote(state, totals),
    });
    expect(again).toEqual({ allowed: false, reason: 'This file is registered: its deposit is paid.' });
    expect(run([{ type: 'editPath', path: 'elsewhere' }], state).path).toBe('report.pdf');
    expect(run([pick(2, picked('other.bin', MB))], state).picked?.name).toBe('report.pdf');
    expect(state.registered).toMatchObject({ id: 7n, cid: CID, size: MB, path: 'report.pdf' });
  });
});

describe('sending to the host nodes', () => {
  const A = 'http://127.0.0.1:5101';
  const B = 'https://node-b.example.org';

  it('fails over to the next node and says why the first one failed', () => {
    const { state } = paidFor(MB);
    const sending = run([{ type: 'send', sendId: 1, endpoints: [A, B] }], state);
    expect(sending.send).toEqual({ phase: 'sending', progress: { endpoint: A, loaded: 0, total: undefined } });
    const failedOver = run(
      [{ type: 'nodeFailed', sendId: 1, endpoint: A, message: 'The node does not answer.', next: B }],
      sending,
    );
    expect(failedOver.send).toEqual({ phase: 'sending', progress: { endpoint: B, loaded: 0, total: undefined } });
    expect(failedOver.notes).toEqual([
      '127.0.0.1:5101 failed: The node does not answer. Trying node-b.example.org instead.',
    ]);
    const sent = run([{ type: 'sent', sendId: 1, endpoint: B }], failedOver);
    expect(sent.send).toEqual({ phase: 'sent', endpoint: B });
  });

  it('lists every node’s failure when none took it, and a retry starts afresh', () => {
    const { state } = paidFor(MB);
    const failed = run(
      [
        { type: 'send', sendId: 1, endpoints: [A, B] },
        {
          type: 'allNodesFailed',
          sendId: 1,
          attempts: [
            { endpoint: A, message: 'offline' },
            { endpoint: B, message: 'too large' },
          ],
        },
      ],
      state,
    );
    expect(failed.send).toEqual({ phase: 'failed', message: 'No host node took the upload.' });
    expect(failed.notes).toEqual(['127.0.0.1:5101 failed: offline', 'node-b.example.org failed: too large']);
    const retried = run([{ type: 'send', sendId: 2, endpoints: [B] }], failed);
    expect(retried.notes).toEqual([]);
    expect(retried.send.phase).toBe('sending');
    // Retrying sends the same registered file: nothing is paid again.
    expect(retried.registered).toEqual(state.registered);
  });

  it('says there is nowhere to send when no node is elected', () => {
    const { state } = paidFor(MB);
    expect(run([{ type: 'send', sendId: 1, endpoints: [] }], state).send).toEqual({
      phase: 'failed',
      message: 'No host node is elected: there is nowhere to send the file.',
    });
  });

  it('cancels, and ignores the cancelled attempt’s late answer once a retry runs', () => {
    const { state } = paidFor(MB);
    const cancelled = run(
      [
        { type: 'send', sendId: 1, endpoints: [A] },
        { type: 'cancelled', sendId: 1 },
      ],
      state,
    );
    expect(cancelled.send).toEqual({ phase: 'cancelled' });
    const retry = run([{ type: 'send', sendId: 2, endpoints: [A] }], cancelled);
    const afterLateNews = run(
      [
        { type: 'cancelled', sendId: 1 },
        { type: 'sendFailed', sendId: 1, message: 'late' },
        { type: 'sendProgress', sendId: 1, progress: { endpoint: A, loaded: 9, total: 10 } },
      ],
      retry,
    );
    expect(afterLateNews.send).toEqual(retry.send);
    expect(run([{ type: 'sent', sendId: 2, endpoint: A }], afterLateNews).send).toEqual({
      phase: 'sent',
      endpoint: A,
    });
  });

  it('sends nothing before the deposit is paid', () => {
    const ready = run([pick(1, picked('a.bin', MB)), { type: 'hashed', pickId: 1, cid: CID, size: MB }]);
    expect(run([{ type: 'send', sendId: 1, endpoints: [A] }], ready).send.phase).toBe('idle');
  });
});
