// The upload flow as a reducer: pick a file or a folder, hash it in the browser (its CID), quote the deposit,
// choose the path, pay the deposit in the `upload` transaction, then send the bytes to one host node after
// another until one takes them. No React and no I/O here: the card dispatches what happened (a pick, hashing
// progress, the transaction's outcome, a node's answer) and renders the state.
//
// Two rules the user depends on live here:
// - The quote follows the picked file until the deposit is paid, then it is frozen at what was paid: the upload
//   itself moves the totals, and re-quoting then would show the same file at a different price (issue 14).
// - Late news is dropped: every pick and every send carries an id, and an event of an earlier pick (hashing of a
//   file since replaced) or an earlier send (a cancelled attempt answering after a retry started) changes nothing.
import type { UploadProgress } from './hostNodeClient';
import { endpointHost } from './links';
import type { PickedUpload, PickResult } from './picking';
import { computeUploadDeposit, type PricingTotals, type UploadRefusal } from './pricing';
import { validateUploadSize } from './uploadRules';
import { allowed, refused, type ActionState } from '../tx/actionState';

/** A deposit quote and the totals it was computed from (the box shows the formula's inputs beside it). */
export interface Quote {
  size: bigint;
  deposit: bigint;
  /** Wei per MB once this upload is committed. */
  pricePerMb: bigint;
  totals: PricingTotals;
}

/** A quote, or why the contract would refuse the upload now. */
export type QuoteResult = Quote | { error: UploadRefusal };

export function quoteUpload(size: bigint, totals: PricingTotals): QuoteResult {
  const result = computeUploadDeposit(size, totals);
  return 'error' in result ? result : { size, deposit: result.deposit, pricePerMb: result.pricePerMb, totals };
}

/** The file as registered on chain by the `upload` transaction, with the quote its deposit was paid at. */
export interface RegisteredUpload {
  /** From the receipt's FileUpload event; undefined if the receipt did not carry it. */
  id: bigint | undefined;
  cid: string;
  size: bigint;
  path: string;
  paid: Quote;
}

export type HashStep =
  | { phase: 'idle' }
  | { phase: 'hashing'; hashed: number }
  | { phase: 'done'; cid: string; size: bigint }
  | { phase: 'failed'; message: string };

export type SendStep =
  | { phase: 'idle' }
  | { phase: 'sending'; progress: UploadProgress }
  | { phase: 'sent'; endpoint: string }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled' };

export interface UploadFlowState {
  /** The id of the current pick (0: none yet); hashing news of another pick is dropped. */
  pickId: number;
  /** The id of the current send (0: none yet); news of another send is dropped. */
  sendId: number;
  /** Why the last pick was refused (more than one top folder, ...). */
  pickError: string | undefined;
  picked: PickedUpload | undefined;
  path: string;
  hash: HashStep;
  /** The pay button was pressed: path errors show even on an untouched field. */
  submitted: boolean;
  /** The deposit rose between the quote shown and the fresh totals read before paying. */
  priceNotice: string | undefined;
  registered: RegisteredUpload | undefined;
  send: SendStep;
  /** What happened at each node that failed, in order. */
  notes: string[];
}

export const initialUploadFlow: UploadFlowState = {
  pickId: 0,
  sendId: 0,
  pickError: undefined,
  picked: undefined,
  path: '',
  hash: { phase: 'idle' },
  submitted: false,
  priceNotice: undefined,
  registered: undefined,
  send: { phase: 'idle' },
  notes: [],
};

type CapacityTotals = Pick<PricingTotals, 'node_count' | 'used_bytes' | 'pending_bytes' | 'capacity_bytes'>;

export type UploadFlowEvent =
  /** Something was picked or dropped; `pickId` is new. The totals decide whether it is worth hashing. */
  | { type: 'pick'; pickId: number; result: PickResult; defaultPath: string; totals: CapacityTotals | undefined }
  | { type: 'hashProgress'; pickId: number; hashed: number }
  | { type: 'hashed'; pickId: number; cid: string; size: bigint }
  | { type: 'hashFailed'; pickId: number; message: string }
  | { type: 'editPath'; path: string }
  /** The pay button was pressed (before the fresh totals are read). */
  | { type: 'submit' }
  /** The fresh totals give a higher deposit than the one shown: the user is asked again. */
  | { type: 'priceMoved'; deposit: string }
  /** The upload transaction succeeded with the deposit of `paid`. */
  | { type: 'registered'; id: bigint | undefined; paid: Quote }
  /** A send begins (the first one or a retry); `sendId` is new. `endpoints` in the order to try them. */
  | { type: 'send'; sendId: number; endpoints: readonly string[] }
  | { type: 'sendProgress'; sendId: number; progress: UploadProgress }
  /** A node failed and the next one is tried. */
  | { type: 'nodeFailed'; sendId: number; endpoint: string; message: string; next: string }
  | { type: 'sent'; sendId: number; endpoint: string }
  /** Every node failed: `attempts` says how each did. */
  | { type: 'allNodesFailed'; sendId: number; attempts: readonly { endpoint: string; message: string }[] }
  | { type: 'sendFailed'; sendId: number; message: string }
  | { type: 'cancelled'; sendId: number }
  /** "Upload another": forget the pick, its hashing and its upload. */
  | { type: 'reset'; pickId: number };

function nodeNote(endpoint: string, message: string): string {
  return `${endpointHost(endpoint)} failed: ${message}`;
}

export function uploadFlowReducer(state: UploadFlowState, event: UploadFlowEvent): UploadFlowState {
  switch (event.type) {
    case 'pick': {
      // A new pick forgets the previous one whole; nothing changes it once its deposit is paid.
      if (state.registered) return state;
      const fresh = { ...initialUploadFlow, pickId: event.pickId, sendId: state.sendId };
      if ('error' in event.result) return { ...fresh, pickError: event.result.error };
      const { picked } = event.result;
      // A file that cannot be uploaded is not hashed: the message next to the picker says why.
      const hashable = picked.size > 0n && !(event.totals && validateUploadSize(picked.size, event.totals));
      return {
        ...fresh,
        picked,
        path: event.defaultPath,
        hash: hashable ? { phase: 'hashing', hashed: 0 } : { phase: 'idle' },
      };
    }
    case 'hashProgress':
      if (event.pickId !== state.pickId || state.hash.phase !== 'hashing') return state;
      return { ...state, hash: { phase: 'hashing', hashed: event.hashed } };
    case 'hashed':
      if (event.pickId !== state.pickId || state.hash.phase !== 'hashing') return state;
      return { ...state, hash: { phase: 'done', cid: event.cid, size: event.size } };
    case 'hashFailed':
      if (event.pickId !== state.pickId || state.hash.phase !== 'hashing') return state;
      return { ...state, hash: { phase: 'failed', message: event.message } };
    case 'editPath':
      if (state.registered) return state;
      return { ...state, path: event.path };
    case 'submit':
      return { ...state, submitted: true, priceNotice: undefined };
    case 'priceMoved':
      return {
        ...state,
        priceNotice: `The price changed while you looked: the deposit is now ${event.deposit}. Press again to pay it.`,
      };
    case 'registered': {
      if (state.hash.phase !== 'done' || state.registered) return state;
      const { cid, size } = state.hash;
      return {
        ...state,
        submitted: false,
        priceNotice: undefined,
        registered: { id: event.id, cid, size, path: state.path, paid: event.paid },
      };
    }
    case 'send':
      if (!state.registered) return state;
      if (event.endpoints.length === 0) {
        return {
          ...state,
          sendId: event.sendId,
          notes: [],
          send: { phase: 'failed', message: 'No host node is elected: there is nowhere to send the file.' },
        };
      }
      return {
        ...state,
        sendId: event.sendId,
        notes: [],
        send: { phase: 'sending', progress: { endpoint: event.endpoints[0]!, loaded: 0, total: undefined } },
      };
    case 'sendProgress':
      if (event.sendId !== state.sendId || state.send.phase !== 'sending') return state;
      return { ...state, send: { phase: 'sending', progress: event.progress } };
    case 'nodeFailed':
      if (event.sendId !== state.sendId || state.send.phase !== 'sending') return state;
      return {
        ...state,
        notes: [
          ...state.notes,
          `${nodeNote(event.endpoint, event.message)} Trying ${endpointHost(event.next)} instead.`,
        ],
        send: { phase: 'sending', progress: { endpoint: event.next, loaded: 0, total: undefined } },
      };
    case 'sent':
      if (event.sendId !== state.sendId || state.send.phase !== 'sending') return state;
      return { ...state, send: { phase: 'sent', endpoint: event.endpoint } };
    case 'allNodesFailed':
      if (event.sendId !== state.sendId || state.send.phase !== 'sending') return state;
      return {
        ...state,
        notes: event.attempts.map((a) => nodeNote(a.endpoint, a.message)),
        send: { phase: 'failed', message: 'No host node took the upload.' },
      };
    case 'sendFailed':
      if (event.sendId !== state.sendId || state.send.phase !== 'sending') return state;
      return { ...state, send: { phase: 'failed', message: event.message } };
    case 'cancelled':
      if (event.sendId !== state.sendId || state.send.phase !== 'sending') return state;
      return { ...state, send: { phase: 'cancelled' } };
    case 'reset':
      return { ...initialUploadFlow, pickId: event.pickId, sendId: state.sendId };
  }
}

/** The size the quote is for: the hashed size once known (a folder's content bytes), else the picked size. */
export function quotedSize(state: UploadFlowState): bigint | undefined {
  return state.hash.phase === 'done' ? state.hash.size : state.picked?.size;
}

/**
 * The quote the card shows: once the deposit is paid, the quote it was paid at (frozen: the upload itself moved
 * the totals); before, the picked file's deposit at the totals now, following every new pick and every new read.
 */
export function shownQuote(state: UploadFlowState, totals: PricingTotals | undefined): QuoteResult | undefined {
  if (state.registered) return state.registered.paid;
  const size = quotedSize(state);
  return size !== undefined && totals ? quoteUpload(size, totals) : undefined;
}

/** Whether the pick and the path are fixed: a transaction or a send is running, or the file is registered. */
export function isLocked(state: UploadFlowState, transactionBusy: boolean): boolean {
  return transactionBusy || state.send.phase === 'sending' || state.registered !== undefined;
}

/**
 * Whether the person may press "Pay the deposit and upload" now, and if not why, in the order they would fix it.
 * `sizeProblem` and `pathProblem` are the messages shown next to the picker and the path field.
 */
export function payAction(
  state: UploadFlowState,
  {
    connected,
    transactionBusy,
    sizeProblem,
    pathProblem,
    quote,
  }: {
    connected: boolean;
    transactionBusy: boolean;
    sizeProblem: string | undefined;
    pathProblem: string | undefined;
    quote: QuoteResult | undefined;
  },
): ActionState {
  if (!connected) return refused('Connect a wallet to upload.');
  if (state.registered) return refused('This file is registered: its deposit is paid.');
  if (transactionBusy) return refused('Waiting for the transaction.');
  if (!state.picked) return refused('Pick a file or a folder first.');
  if (sizeProblem) return refused('This upload cannot be stored: the message above says why.');
  if (state.hash.phase === 'hashing') return refused('Waiting for the CID.');
  if (state.hash.phase !== 'done') return refused('The CID could not be computed: pick the file again.');
  if (pathProblem) return refused('Correct the path above first.');
  if (!quote) return refused('Reading the storage prices.');
  if ('error' in quote) return refused('The contract would refuse this upload now.');
  return allowed();
}
