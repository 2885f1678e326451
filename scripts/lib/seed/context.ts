// What every seeding step needs: clients for the local chain, one wallet per anvil account, and time travel.
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type TransactionReceipt,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { anvilPrivateKeys } from '../../../lib/chain/anvilAccounts';
import { callistoLocal } from '../../../lib/chain/chains';
import { gasLimitWithMargin } from '../../../lib/tx/gasLimit';

export type SeedContext = ReturnType<typeof createSeedContext>;

export function createSeedContext(rpcUrl: string, log: (line: string) => void) {
  const chain = { ...callistoLocal, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 50 });
  const testClient = createTestClient({ chain, transport, mode: 'anvil' });

  return {
    publicClient,
    log,
    address(accountIndex: number): Address {
      return privateKeyToAccount(anvilPrivateKeys[accountIndex]!).address;
    },
    /** Sends a contract call from anvil account `accountIndex` and waits for it; a revert throws. */
    async write<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      accountIndex: number,
      request: {
        address: Address;
        abi: abi;
        functionName: name;
        args?: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
        value?: bigint;
      },
    ): Promise<TransactionReceipt> {
      const account = privateKeyToAccount(anvilPrivateKeys[accountIndex]!);
      const wallet = createWalletClient({ chain, transport, account });
      // The estimate plus the app's margin: a bare estimate can fall short when the next block's clock differs
      // from the one it was taken at (the staking contract's first call in a block advances its clock).
      const estimate = await publicClient.estimateContractGas({ ...request, account } as Parameters<
        typeof publicClient.estimateContractGas
      >[0]);
      const { gasLimit } = await publicClient.getBlock();
      const gas = gasLimitWithMargin(estimate, gasLimit);
      const hash = await wallet.writeContract({ ...request, gas } as Parameters<typeof wallet.writeContract>[0]);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`seed: ${String(request.functionName)} reverted`);
      return receipt;
    },
    async advance(seconds: number | bigint): Promise<void> {
      await testClient.increaseTime({ seconds: Number(seconds) });
      await testClient.mine({ blocks: 1 });
    },
    /** Mines the next block at `timestamp` (which must be in the chain's future). */
    async advanceTo(timestamp: bigint): Promise<void> {
      await testClient.setNextBlockTimestamp({ timestamp });
      await testClient.mine({ blocks: 1 });
    },
    async now(): Promise<bigint> {
      return (await publicClient.getBlock()).timestamp;
    },
    async credit(address: Address, amount: bigint): Promise<void> {
      const balance = await publicClient.getBalance({ address });
      await testClient.setBalance({ address, value: balance + amount });
    },
  };
}
