// `npx tsx scripts/gas.ts`: gas used by the contracts' main operations, measured on a throwaway anvil.
// Each suite deploys one contract and runs its operations in order (each may rely on the ones before it); to
// measure another contract, add a suite to `suites`.
import { parseEther, type Address, type TransactionReceipt } from 'viem';
import { coldStakingAbi, coldStakingBytecode } from '../contracts-abi/ColdStaking';
import { startTestChain, type TestChain } from '../contracts/test/harness';

interface GasOperation<Context> {
  name: string;
  /** Runs the operation; returns the receipt of the transaction whose gas is reported. */
  run(chain: TestChain, context: Context): Promise<TransactionReceipt>;
}

interface GasSuite<Context> {
  contract: string;
  deploy(chain: TestChain): Promise<Context>;
  operations: GasOperation<Context>[];
}

const DAY = 86_400n;
const ROUND = 27n * DAY;

const coldStaking: GasSuite<{ address: Address }> = {
  contract: 'ColdStaking',
  async deploy(chain) {
    // Mainnet round and delay; a large clock cap so that time travel moves the contract clock at once.
    const address = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      ROUND,
      365n * DAY,
      10n ** 12n,
      chain.accounts[0]!.address,
    ]);
    // Another staker and a pool, so that rewards are real transfers.
    await chain.write(2, {
      address,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [12n],
      value: parseEther('1000'),
    });
    await chain.setBalance(address, (await chain.balance(address)) + parseEther('100'));
    return { address };
  },
  operations: [
    {
      name: 'start_staking (first stake)',
      run: (chain, { address }) =>
        chain.write(1, {
          address,
          abi: coldStakingAbi,
          functionName: 'start_staking',
          args: [3n],
          value: parseEther('100'),
        }),
    },
    {
      name: 'start_staking (add, pays a completed round)',
      async run(chain, { address }) {
        await chain.increaseTime(ROUND + DAY);
        return chain.write(1, {
          address,
          abi: coldStakingAbi,
          functionName: 'start_staking',
          args: [1n],
          value: parseEther('50'),
        });
      },
    },
    {
      name: 'plain transfer (first stake, one round)',
      async run(chain, { address }) {
        const hash = await chain.wallet(3).sendTransaction({ to: address, value: parseEther('10') });
        return chain.publicClient.waitForTransactionReceipt({ hash });
      },
    },
    {
      name: 'claim (one completed round)',
      async run(chain, { address }) {
        await chain.increaseTime(ROUND);
        return chain.write(1, { address, abi: coldStakingAbi, functionName: 'claim' });
      },
    },
    {
      name: 'withdraw_stake (with the last round)',
      async run(chain, { address }) {
        await chain.increaseTime(2n * ROUND);
        return chain.write(1, { address, abi: coldStakingAbi, functionName: 'withdraw_stake' });
      },
    },
    {
      name: 'report_abuse',
      async run(chain, { address }) {
        await chain.increaseTime(365n * DAY);
        return chain.write(2, {
          address,
          abi: coldStakingAbi,
          functionName: 'report_abuse',
          args: [chain.accounts[3]!.address],
        });
      },
    },
  ],
};

// Suites of different contracts have different contexts; each is only ever run with its own.
const suites = [coldStaking] as GasSuite<unknown>[];

async function main(): Promise<number> {
  const chain = await startTestChain();
  const rows: [string, string, string][] = [];
  try {
    for (const suite of suites) {
      const context = await suite.deploy(chain);
      for (const operation of suite.operations) {
        const receipt = await operation.run(chain, context);
        if (receipt.status !== 'success') throw new Error(`${suite.contract}: ${operation.name} reverted`);
        rows.push([suite.contract, operation.name, receipt.gasUsed.toLocaleString('en-US')]);
      }
    }
  } finally {
    await chain.stop();
  }
  const header: [string, string, string] = ['contract', 'operation', 'gas used'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: [string, string, string]) =>
    r.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  return 0;
}

process.exitCode = await main();
