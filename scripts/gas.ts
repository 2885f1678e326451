// `npx tsx scripts/gas.ts`: gas used by the contracts' main operations, measured on a throwaway anvil running
// London, the newest fork Callisto mainnet runs (the contracts are compiled for it: scripts/lib/solidity.ts).
// Each suite deploys one contract and runs its operations in order (each may rely on the ones before it); to
// measure another contract, add a suite to `suites`.
import { keccak256, parseEther, parseEventLogs, toHex, type Address, type TransactionReceipt } from 'viem';
import { auditRegistryAbi, auditRegistryBytecode } from '../contracts-abi/AuditRegistry';
import { callistoFSAbi, callistoFSBytecode } from '../contracts-abi/CallistoFS';
import { coldStakingAbi, coldStakingBytecode } from '../contracts-abi/ColdStaking';
import { treasuryGovernanceAbi, treasuryGovernanceBytecode } from '../contracts-abi/TreasuryGovernance';
import { EVM_VERSION } from './lib/solidity';
import { startTestChain, type TestChain } from '../contracts/test/harness';
import { ProposalParam } from '../lib/governance/proposal';

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
        const hash = await chain.wallet(3).sendTransaction({ to: address, value: parseEther('10'), gas: 200_000n });
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

const EPOCH = 27n * DAY;
const DEPOSIT = parseEther('500');
const DESCRIPTION_URL = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';
const DESCRIPTION_HASH = keccak256(toHex('A proposal description'));

interface GovernanceContext {
  gov: Address;
}

/** The host node the governance suite elects twice and removes; its salary. */
const HOST_NODE = 2;
const SALARY = parseEther('1000');

function submitFunding(chain: TestChain, gov: Address, title: string, epochs: number) {
  return chain.write(1, {
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'submit_funding',
    args: [title, DESCRIPTION_URL, DESCRIPTION_HASH, chain.accounts[6]!.address, parseEther('1000'), epochs],
    value: DEPOSIT,
  });
}

const governanceCall = (
  chain: TestChain,
  from: number,
  gov: Address,
  functionName: 'evaluate' | 'pay' | 'withdraw',
  id: bigint,
) => chain.write(from, { address: gov, abi: treasuryGovernanceAbi, functionName, args: [id] });

const vote = (chain: TestChain, from: number, gov: Address, id: bigint, choice: number) =>
  chain.write(from, { address: gov, abi: treasuryGovernanceAbi, functionName: 'vote', args: [id, choice] });

function submitHostNodeElection(chain: TestChain, gov: Address, title: string) {
  return chain.write(1, {
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'submit_host_node_election',
    args: [
      title,
      DESCRIPTION_URL,
      DESCRIPTION_HASH,
      chain.accounts[HOST_NODE]!.address,
      'https://host-node-1.callisto.network',
      10_240n,
      SALARY,
      12,
    ],
    value: DEPOSIT,
  });
}

/** Evaluates a proposal and checks that its action took effect (or not), so that a row measures what it names. */
async function evaluateExpecting(chain: TestChain, gov: Address, id: bigint, executed: boolean) {
  const receipt = await governanceCall(chain, 7, gov, 'evaluate', id);
  const proposal = await chain.publicClient.readContract({
    address: gov,
    abi: treasuryGovernanceAbi,
    functionName: 'get_proposal',
    args: [id],
  });
  if (proposal.executed !== executed) throw new Error(`proposal ${id}: executed is ${proposal.executed}`);
  return receipt;
}

/** Proposal ids: 0 funding for 3 epochs, 1 funding for 12 epochs (the longest commitment loop), 2 a parameter
 * change, 3 a funding proposal its author withdraws, 4 the appointment of an audit manager (account 8) in an audit
 * registry whose governance is the treasury. Then, in a file system whose governance is the treasury: 5 the
 * election of a host node (account 2) for 12 epochs, 6 a second election of the same node (refused by the file
 * system), 7 a change of the storage unit price, 8 the removal of the node in the epoch its salary starts (11 of
 * its 12 epochs cancelled). Mainnet epoch, quorum and deposit. */
const treasuryGovernance: GasSuite<GovernanceContext> = {
  contract: 'TreasuryGovernance',
  async deploy(chain) {
    const staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      ROUND,
      365n * DAY,
      10n ** 12n,
      chain.accounts[0]!.address,
    ]);
    const registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      chain.accounts[0]!.address,
      90n * DAY,
      ROUND,
      10n,
      5n,
    ]);
    // The file system suite's prices (the deploy script's local ones), no host node yet.
    const fileSystem = await chain.deploy(callistoFSAbi, callistoFSBytecode, [
      chain.accounts[0]!.address,
      parseEther('10'),
      parseEther('0.01'),
    ]);
    const gov = await chain.deploy(treasuryGovernanceAbi, treasuryGovernanceBytecode, [
      staking,
      EPOCH,
      1000,
      DEPOSIT,
      registry,
      fileSystem,
    ]);
    await chain.write(0, { address: staking, abi: coldStakingAbi, functionName: 'set_governance', args: [gov] });
    await chain.write(0, { address: registry, abi: auditRegistryAbi, functionName: 'set_governance', args: [gov] });
    await chain.write(0, { address: fileSystem, abi: callistoFSAbi, functionName: 'set_governance', args: [gov] });
    for (const i of [1, 4, 5]) await chain.setBalance(chain.accounts[i]!.address, parseEther('10000'));
    for (const i of [4, 5]) {
      await chain.write(i, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [12n],
        value: parseEther('5000'),
      });
    }
    await chain.setBalance(gov, parseEther('100000')); // block rewards
    return { gov };
  },
  operations: [
    {
      name: 'submit_funding (3 epochs)',
      run: (chain, { gov }) => submitFunding(chain, gov, 'Audit of the bridge', 3),
    },
    {
      name: 'submit_funding (12 epochs)',
      run: (chain, { gov }) => submitFunding(chain, gov, 'A year of node hosting', 12),
    },
    {
      name: 'submit_parameter_change',
      run: (chain, { gov }) =>
        chain.write(1, {
          address: gov,
          abi: treasuryGovernanceAbi,
          functionName: 'submit_parameter_change',
          args: ['Quorum of 15%', DESCRIPTION_URL, DESCRIPTION_HASH, 0, 1500n],
          value: DEPOSIT,
        }),
    },
    {
      name: 'withdraw (author, deposit refunded)',
      async run(chain, { gov }) {
        await submitFunding(chain, gov, 'Withdrawn', 1);
        return governanceCall(chain, 1, gov, 'withdraw', 3n);
      },
    },
    {
      name: 'submit_audit_manager_change (appointment)',
      run: (chain, { gov }) =>
        chain.write(1, {
          address: gov,
          abi: treasuryGovernanceAbi,
          functionName: 'submit_audit_manager_change',
          args: [
            'Appoint an audit manager',
            DESCRIPTION_URL,
            DESCRIPTION_HASH,
            chain.accounts[8]!.address,
            'manager@example.org',
            true,
          ],
          value: DEPOSIT,
        }),
    },
    {
      name: 'vote (first vote, holds the stake)',
      async run(chain, { gov }) {
        await chain.increaseTime(EPOCH);
        return vote(chain, 4, gov, 0n, 1);
      },
    },
    { name: 'vote (second voter)', run: (chain, { gov }) => vote(chain, 5, gov, 0n, 2) },
    { name: 'vote (change of vote)', run: (chain, { gov }) => vote(chain, 5, gov, 0n, 1) },
    {
      name: 'evaluate (accepted funding, 3 epochs)',
      async run(chain, { gov }) {
        await vote(chain, 4, gov, 1n, 1);
        await vote(chain, 4, gov, 2n, 1);
        await vote(chain, 4, gov, 4n, 1);
        await chain.increaseTime(EPOCH);
        return governanceCall(chain, 7, gov, 'evaluate', 0n);
      },
    },
    {
      name: 'evaluate (accepted funding, 12 epochs)',
      run: (chain, { gov }) => governanceCall(chain, 7, gov, 'evaluate', 1n),
    },
    {
      name: 'evaluate (accepted parameter change)',
      run: (chain, { gov }) => governanceCall(chain, 7, gov, 'evaluate', 2n),
    },
    {
      name: 'evaluate (accepted audit manager appointment)',
      run: (chain, { gov }) => governanceCall(chain, 7, gov, 'evaluate', 4n),
    },
    { name: 'pay (one epoch)', run: (chain, { gov }) => governanceCall(chain, 7, gov, 'pay', 0n) },
    {
      name: 'pay (two missed epochs)',
      async run(chain, { gov }) {
        await chain.increaseTime(2n * EPOCH);
        return governanceCall(chain, 7, gov, 'pay', 0n);
      },
    },
    {
      name: 'submit_host_node_election (12 epochs)',
      run: (chain, { gov }) => submitHostNodeElection(chain, gov, 'A year of IPFS hosting'),
    },
    {
      name: 'submit_host_node_removal',
      async run(chain, { gov }) {
        await submitHostNodeElection(chain, gov, 'The same node again');
        await chain.write(1, {
          address: gov,
          abi: treasuryGovernanceAbi,
          functionName: 'submit_parameter_change',
          // One step from the 10 CLO a MB unit price: the largest change a proposal may make (x2).
          args: [
            'Storage at 20 CLO a MB',
            DESCRIPTION_URL,
            DESCRIPTION_HASH,
            ProposalParam.StorageUnitPrice,
            parseEther('20'),
          ],
          value: DEPOSIT,
        });
        return chain.write(1, {
          address: gov,
          abi: treasuryGovernanceAbi,
          functionName: 'submit_host_node_removal',
          args: ['Remove the host node', DESCRIPTION_URL, DESCRIPTION_HASH, chain.accounts[HOST_NODE]!.address],
          value: DEPOSIT,
        });
      },
    },
    {
      name: 'evaluate (executed election, 12 epochs)',
      async run(chain, { gov }) {
        await chain.increaseTime(EPOCH);
        for (const id of [5n, 6n, 7n, 8n]) await vote(chain, 4, gov, id, 1);
        await chain.increaseTime(EPOCH);
        return evaluateExpecting(chain, gov, 5n, true);
      },
    },
    { name: 'pay (one salary epoch)', run: (chain, { gov }) => governanceCall(chain, 7, gov, 'pay', 5n) },
    {
      name: 'evaluate (refused election, already elected)',
      async run(chain, { gov }) {
        const receipt = await evaluateExpecting(chain, gov, 6n, false);
        const [failure] = parseEventLogs({
          abi: treasuryGovernanceAbi,
          eventName: 'ExecutionFailed',
          logs: receipt.logs,
        });
        if (failure?.args.reason !== 'CallistoFS: node is already elected') {
          throw new Error(`the election was refused for another reason: ${failure?.args.reason}`);
        }
        return receipt;
      },
    },
    {
      name: 'evaluate (removal, cancels 11 salary epochs)',
      async run(chain, { gov }) {
        const receipt = await evaluateExpecting(chain, gov, 8n, true);
        const election = await chain.publicClient.readContract({
          address: gov,
          abi: treasuryGovernanceAbi,
          functionName: 'get_proposal',
          args: [5n],
        });
        if (election.epochs !== 1) throw new Error(`the removal left ${election.epochs} salary epochs`);
        return receipt;
      },
    },
    {
      name: 'evaluate (accepted storage unit price change)',
      run: (chain, { gov }) => evaluateExpecting(chain, gov, 7n, true),
    },
  ],
};

interface AuditContext {
  registry: Address;
}

const AUDIT_LINK = 'https://gist.github.com/auditor/0123456789abcdef0123456789abcdef';
const AUDIT_LINK2 = 'https://gist.github.com/auditor2/fedcba9876543210fedcba9876543210';

/** A registry call by name: the operations below are a fixed script, checked by their receipts. */
function audit(
  chain: TestChain,
  from: number,
  registry: Address,
  functionName: string,
  args: readonly unknown[],
  value?: bigint,
) {
  return chain.write(from, {
    address: registry,
    abi: auditRegistryAbi,
    functionName,
    args,
    value,
  } as unknown as Parameters<TestChain['write']>[1]);
}

/** Accounts 1 and 4 are managers (adding an auditor takes two), 2 and 3 auditors, 6 the requester. Request 0 is for the registry itself on this chain
 * (complexity from its code); request 1 is rejected. Mainnet-like periods: 30 days active, 27-day payouts. */
const auditRegistry: GasSuite<AuditContext> = {
  contract: 'AuditRegistry',
  async deploy(chain) {
    const registry = await chain.deploy(auditRegistryAbi, auditRegistryBytecode, [
      chain.accounts[0]!.address,
      30n * DAY,
      ROUND,
      100n,
      50n,
    ]);
    return { registry };
  },
  operations: [
    {
      name: 'appoint_manager',
      run: (chain, { registry }) =>
        audit(chain, 0, registry, 'appoint_manager', [chain.accounts[1]!.address, 'manager@callisto.network']),
    },
    {
      name: 'nominate_auditor',
      async run(chain, { registry }) {
        await audit(chain, 0, registry, 'appoint_manager', [chain.accounts[4]!.address, 'manager2@callisto.network']);
        await audit(chain, 1, registry, 'nominate_auditor', [chain.accounts[3]!.address, '@auditor2']);
        return audit(chain, 1, registry, 'nominate_auditor', [chain.accounts[2]!.address, 'auditor@example.com']);
      },
    },
    {
      name: 'confirm_auditor',
      async run(chain, { registry }) {
        await audit(chain, 4, registry, 'confirm_auditor', [chain.accounts[3]!.address]);
        return audit(chain, 4, registry, 'confirm_auditor', [chain.accounts[2]!.address]);
      },
    },
    {
      name: 'submit_request',
      async run(chain, { registry }) {
        const chainId = BigInt(await chain.publicClient.getChainId());
        return audit(chain, 6, registry, 'submit_request', [
          registry,
          chainId,
          'https://github.com/callisto/hub/blob/main/contracts/AuditRegistry.sol',
          'The audit registry of the Callisto Network: requests, reports, karma and payouts.',
          'Solidity 0.8.30',
        ]);
      },
    },
    { name: 'approve', run: (chain, { registry }) => audit(chain, 1, registry, 'approve', [0n]) },
    {
      name: 'reject (pending, 40-byte reason)',
      async run(chain, { registry }) {
        await audit(chain, 6, registry, 'submit_request', [
          chain.accounts[9]!.address,
          820n,
          'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
          'Spam',
          'Solidity',
        ]);
        return audit(chain, 1, registry, 'reject', [1n, 'Not a contract: the address has no code.']);
      },
    },
    {
      name: 'submit_report (first commitment)',
      run: (chain, { registry }) =>
        audit(chain, 2, registry, 'submit_report', [0n, keccak256(toHex(`${AUDIT_LINK}#draft`)), '']),
    },
    {
      name: 'submit_report (replacement)',
      run: (chain, { registry }) => audit(chain, 2, registry, 'submit_report', [0n, keccak256(toHex(AUDIT_LINK)), '']),
    },
    { name: 'start', run: (chain, { registry }) => audit(chain, 1, registry, 'start', [0n]) },
    {
      name: 'submit_report (late)',
      run: (chain, { registry }) => audit(chain, 3, registry, 'submit_report', [0n, keccak256(toHex(AUDIT_LINK2)), '']),
    },
    {
      name: 'sign_report',
      run: (chain, { registry }) => audit(chain, 1, registry, 'sign_report', [0n, chain.accounts[2]!.address, 1n]),
    },
    {
      name: 'reveal_report (on-chain complexity)',
      run: (chain, { registry }) =>
        audit(chain, 1, registry, 'reveal_report', [0n, chain.accounts[2]!.address, AUDIT_LINK, 0n, 0n]),
    },
    {
      name: 'reveal_report (late report)',
      async run(chain, { registry }) {
        await audit(chain, 1, registry, 'sign_report', [0n, chain.accounts[3]!.address, 0n]);
        return audit(chain, 1, registry, 'reveal_report', [0n, chain.accounts[3]!.address, AUDIT_LINK2, 0n, 0n]);
      },
    },
    {
      name: 'complete',
      run: (chain, { registry }) =>
        audit(chain, 1, registry, 'complete', [
          0n,
          true,
          { critical: 0, high: 0, medium: 1, low: 2, owner_privileges: 1 },
        ]),
    },
    { name: 'fund', run: (chain, { registry }) => audit(chain, 7, registry, 'fund', [], parseEther('1000')) },
    {
      name: 'claim',
      async run(chain, { registry }) {
        await chain.increaseTime(ROUND);
        return audit(chain, 2, registry, 'claim', [0n]);
      },
    },
    {
      name: 'roll_over (a period without karma)',
      async run(chain, { registry }) {
        await audit(chain, 7, registry, 'fund', [], parseEther('10'));
        await chain.increaseTime(ROUND);
        return audit(chain, 7, registry, 'roll_over', [1n]);
      },
    },
  ],
};

interface FileSystemContext {
  fs: Address;
}

/** A CIDv1 of a file (59 bytes, as every sha2-256 CIDv1 in base32) and one of a folder. */
const FILE_CID = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
const FOLDER_CID = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';

function fileSystemCall(
  chain: TestChain,
  from: number,
  fs: Address,
  functionName: string,
  args: readonly unknown[],
  value?: bigint,
) {
  return chain.write(from, {
    address: fs,
    abi: callistoFSAbi,
    functionName,
    args,
    value,
  } as unknown as Parameters<TestChain['write']>[1]);
}

async function uploadAtQuote(chain: TestChain, from: number, fs: Address, cid: string, size: bigint, path: string) {
  const [, deposit] = await chain.publicClient.readContract({
    address: fs,
    abi: callistoFSAbi,
    functionName: 'quote',
    args: [size],
  });
  return fileSystemCall(chain, from, fs, 'upload', [cid, size, path], deposit);
}

/** Accounts 1 and 2 are host nodes (the deploy script's local prices), 3 and 4 upload. Paths of a typical length:
 * a file under a folder, and a folder. */
const callistoFS: GasSuite<FileSystemContext> = {
  contract: 'CallistoFS',
  async deploy(chain) {
    const fs = await chain.deploy(callistoFSAbi, callistoFSBytecode, [
      chain.accounts[0]!.address,
      parseEther('10'),
      parseEther('0.01'),
    ]);
    return { fs };
  },
  operations: [
    {
      name: 'add_host_node (first node)',
      run: (chain, { fs }) =>
        fileSystemCall(chain, 0, fs, 'add_host_node', [chain.accounts[1]!.address, 'http://127.0.0.1:5101', 10_240n]),
    },
    {
      name: 'add_host_node (second node)',
      run: (chain, { fs }) =>
        fileSystemCall(chain, 0, fs, 'add_host_node', [
          chain.accounts[2]!.address,
          'https://host-node-2.callisto.network',
          10_240n,
        ]),
    },
    {
      name: 'upload (first file of an owner)',
      run: (chain, { fs }) => uploadAtQuote(chain, 3, fs, FILE_CID, 1_500_000n, 'reports/2025/audit.pdf'),
    },
    {
      name: 'upload (another file of the owner)',
      run: (chain, { fs }) => uploadAtQuote(chain, 3, fs, FOLDER_CID, 40_000n, 'sites/staking-guide'),
    },
    {
      name: 'confirm (first node)',
      run: (chain, { fs }) => fileSystemCall(chain, 1, fs, 'confirm', [0n]),
    },
    {
      name: 'confirm (second node)',
      run: (chain, { fs }) => fileSystemCall(chain, 2, fs, 'confirm', [0n]),
    },
    {
      name: 'withdraw (confirmed file)',
      run: (chain, { fs }) => fileSystemCall(chain, 3, fs, 'withdraw', [0n]),
    },
    {
      name: 'upload (path freed by a withdrawal)',
      run: (chain, { fs }) => uploadAtQuote(chain, 3, fs, FILE_CID, 1_500_000n, 'reports/2025/audit.pdf'),
    },
    {
      name: 'confirm_many (two files)',
      run: (chain, { fs }) => fileSystemCall(chain, 1, fs, 'confirm_many', [[1n, 2n]]),
    },
    {
      name: 'set_endpoint',
      run: (chain, { fs }) => fileSystemCall(chain, 1, fs, 'set_endpoint', ['https://host-node-1.callisto.network']),
    },
    {
      name: 'set_prices',
      run: (chain, { fs }) => fileSystemCall(chain, 0, fs, 'set_prices', [parseEther('12'), parseEther('0.02')]),
    },
    {
      name: 'remove_host_node (not the last)',
      run: (chain, { fs }) => fileSystemCall(chain, 0, fs, 'remove_host_node', [chain.accounts[1]!.address]),
    },
  ],
};

// Suites of different contracts have different contexts; each is only ever run with its own.
const suites = [coldStaking, treasuryGovernance, auditRegistry, callistoFS] as GasSuite<unknown>[];

async function main(): Promise<number> {
  const chain = await startTestChain({ hardfork: EVM_VERSION });
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
