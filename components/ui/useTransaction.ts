'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Abi, Address, ContractFunctionName, Hash } from 'viem';
import { useAccount, useConfig } from 'wagmi';
import { pollingIntervalFor } from '@/lib/chain/wagmiConfig';
import { runTransaction, type ContractWrite, type TxOutcome } from '@/lib/tx/runTransaction';
import { queryTouches, touchedAddresses } from '@/lib/tx/touchedQueries';
import { announceActionStart, useLatestAction } from './latestAction';
import { useNetwork } from './NetworkContext';

export type TxState =
  | { phase: 'idle' }
  | { phase: 'simulating' }
  | { phase: 'awaiting-wallet' }
  | { phase: 'pending'; hash: Hash }
  | { phase: 'success'; hash: Hash; message: string }
  | { phase: 'cancelled'; message: string }
  | { phase: 'failed'; message: string; hash?: Hash };

const IDLE: TxState = { phase: 'idle' };

export interface SendOptions {
  /** What the success message says, e.g. "Staked 100 CLO". */
  successMessage: string;
  /** Addresses whose cached reads go stale besides those in the receipt (a payee, say). */
  alsoTouches?: Address[];
}

/** A transaction's outcome, shown until it or another action starts again. */
function isSettled(state: TxState): boolean {
  return state.phase === 'success' || state.phase === 'cancelled' || state.phase === 'failed';
}

/** The app's single transaction helper: one per action button. Its outcome goes away once another action on the
 * page starts (see latestAction), so only the newest outcome is on screen, in the card of its own action. */
export function useTransaction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address } = useAccount();
  const { settings } = useNetwork();
  const [state, setState] = useState<TxState>({ phase: 'idle' });
  const busy = useRef(false);
  const [action] = useState(() => Symbol('transaction'));
  const latest = useLatestAction();

  const send = useCallback(
    async <const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      request: ContractWrite<abi, name>,
      options: SendOptions,
    ): Promise<TxOutcome | undefined> => {
      if (busy.current) return undefined;
      if (!address) {
        setState({ phase: 'failed', message: 'Connect a wallet first.' });
        return undefined;
      }
      busy.current = true;
      announceActionStart(action);
      try {
        const outcome = await runTransaction(config, request as unknown as ContractWrite, {
          account: address,
          pollingInterval: pollingIntervalFor(settings),
          onPhase: (phase, hash) => setState(phase === 'pending' && hash ? { phase, hash } : ({ phase } as TxState)),
        });
        if (outcome.status === 'success') {
          setState({ phase: 'success', hash: outcome.hash, message: options.successMessage });
          await queryClient.invalidateQueries({
            predicate: queryTouches(touchedAddresses(outcome.receipt, options.alsoTouches ?? [])),
          });
        } else if (outcome.status === 'cancelled') {
          setState({ phase: 'cancelled', message: outcome.message });
        } else {
          setState({ phase: 'failed', message: outcome.error.message, hash: outcome.hash });
        }
        return outcome;
      } finally {
        busy.current = false;
      }
    },
    [action, address, config, queryClient, settings],
  );

  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const isBusy = state.phase === 'simulating' || state.phase === 'awaiting-wallet' || state.phase === 'pending';
  const superseded = isSettled(state) && latest !== undefined && latest !== action;
  return { state: superseded ? IDLE : state, send, reset, isBusy };
}
