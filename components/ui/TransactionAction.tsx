'use client';

import { useId, useState } from 'react';
import type { Abi, Address, ContractFunctionName } from 'viem';
import type { ActionState } from '@/lib/tx/actionState';
import type { ContractWrite, TxOutcome } from '@/lib/tx/runTransaction';
import { Button } from './primitives';
import { TxStatus } from './TxStatus';
import { useTransaction } from './useTransaction';

/**
 * A contract call typed against its ABI: the function must be a write of that ABI and the arguments its
 * parameters. Use it in `build` (`build={() => contractWrite({ address, abi, functionName: 'vote', args: [id, 1] })}`):
 * a bare object literal returned from an arrow loses the argument tuple's type before the function name is known.
 */
export function contractWrite<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
  request: ContractWrite<abi, name>,
): ContractWrite<abi, name> {
  return request;
}

/** What `build` returns when the inputs cannot make a transaction yet: the problem, said next to the button. */
export interface BuildRefusal {
  error: string;
}

export interface TransactionActionProps<
  abi extends Abi,
  name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
> {
  /** The button's text: "Approve", "Claim reward". */
  label: string;
  /** Whether the action is open now; a refusal disables the button and its reason is shown beside it. */
  action: ActionState;
  /** The contract call to send, made when the button is pressed (so it uses the inputs of that moment). */
  build(): ContractWrite<abi, name> | BuildRefusal;
  /** What the confirmation says once the transaction is mined: "Approved request 4". */
  successMessage: string;
  /** Addresses whose cached reads go stale besides those in the receipt (a payee, say). */
  alsoTouches?: Address[];
  variant?: 'primary' | 'secondary' | 'danger';
  /** Called with the outcome once the transaction ended (mined, failed or cancelled): reset a form, close a panel. */
  onDone?(outcome: TxOutcome): void;
  className?: string;
}

/**
 * One action a user takes with a transaction: its button, the reason it is refused right beside it (and tied to
 * it for screen readers), and the transaction's progress below. It owns its `useTransaction`, so two actions on a
 * page never share a status line.
 */
export function TransactionAction<
  const abi extends Abi,
  name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>({
  label,
  action,
  build,
  successMessage,
  alsoTouches,
  variant = 'primary',
  onDone,
  className = '',
}: TransactionActionProps<abi, name>) {
  const tx = useTransaction();
  const reasonId = useId();
  // Once a press found the inputs wanting, their problem follows every change until it is fixed, as a form field's
  // does once visited.
  const [triedToBuild, setTriedToBuild] = useState(false);
  const built = triedToBuild ? build() : undefined;
  const buildError = built && 'error' in built ? built.error : undefined;
  const reason = action.allowed ? buildError : action.reason;

  const onClick = async () => {
    const built = build();
    if ('error' in built) {
      setTriedToBuild(true);
      return;
    }
    setTriedToBuild(false);
    const outcome = await tx.send(built, { successMessage, alsoTouches });
    if (outcome) onDone?.(outcome);
  };

  return (
    <div className={`min-w-0 ${className}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button
          variant={variant}
          disabled={!action.allowed || tx.isBusy}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void onClick()}
        >
          {label}
        </Button>
        {reason && (
          // A problem found on pressing the button is announced; a standing refusal is read with the button.
          <p id={reasonId} role={action.allowed ? 'alert' : undefined} className="text-sm text-slate-400">
            {reason}
          </p>
        )}
      </div>
      <TxStatus state={tx.state} />
    </div>
  );
}
