// The one path every write in the app takes: simulate (so a revert shows before the wallet opens), send,
// wait for the receipt, and report each phase. React state and cache invalidation live in the hook that
// wraps it (components/ui/useTransaction.ts).
import { getPublicClient, simulateContract, waitForTransactionReceipt, writeContract, type Config } from '@wagmi/core';
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem';
import { describeTxError, type TxErrorDescription } from './describeTxError';
import { gasLimitWithMargin } from './gasLimit';

export interface ContractWrite<
  abi extends Abi = Abi,
  name extends ContractFunctionName<abi, 'nonpayable' | 'payable'> = ContractFunctionName<
    abi,
    'nonpayable' | 'payable'
  >,
> {
  address: Address;
  abi: abi;
  functionName: name;
  args?: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
  value?: bigint;
}

export type TxPhase = 'simulating' | 'awaiting-wallet' | 'pending';

export type TxOutcome =
  | { status: 'success'; hash: Hash; receipt: TransactionReceipt }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; error: TxErrorDescription; hash?: Hash };

export async function runTransaction(
  config: Config,
  request: ContractWrite,
  options: { account: Address; onPhase?: (phase: TxPhase, hash?: Hash) => void; pollingInterval?: number },
): Promise<TxOutcome> {
  let hash: Hash | undefined;
  try {
    options.onPhase?.('simulating');
    const { request: prepared } = await simulateContract(config, {
      ...request,
      account: options.account,
    } as Parameters<typeof simulateContract>[1]);
    // The wallet is given the estimate plus a margin (see gasLimit.ts), not left to estimate the bare minimum.
    const client = getPublicClient(config);
    let gas: bigint | undefined;
    if (client) {
      const [estimate, block] = await Promise.all([
        client.estimateContractGas({ ...request, account: options.account } as Parameters<
          typeof client.estimateContractGas
        >[0]),
        client.getBlock(),
      ]);
      gas = gasLimitWithMargin(estimate, block.gasLimit);
    }
    options.onPhase?.('awaiting-wallet');
    hash = await writeContract(config, { ...prepared, gas } as Parameters<typeof writeContract>[1]);
    options.onPhase?.('pending', hash);
    const receipt = await waitForTransactionReceipt(config, { hash, pollingInterval: options.pollingInterval });
    if (receipt.status !== 'success') {
      return {
        status: 'failed',
        hash,
        error: { kind: 'reverted', message: 'The transaction was mined but reverted; nothing changed except the fee.' },
      };
    }
    return { status: 'success', hash, receipt };
  } catch (error) {
    const description = describeTxError(error);
    if (description.kind === 'cancelled') return { status: 'cancelled', message: description.message };
    return { status: 'failed', error: description, hash };
  }
}
