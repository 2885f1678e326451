'use client';

// The local chain's dev panel: the chain's clock against yours, faucet, time travel and emulated block rewards.
// Local builds only (see AppShell): every action here is an anvil RPC method no real network has. Collapsed, it is
// a small corner control, and a spacer after the page lets the page's last content scroll clear of it.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { createTestClient, http, parseEther, publicActions, type Address } from 'viem';
import { useAccount, useReadContract } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { contractAddress } from '@/lib/chain/deployments';
import { blockRewardShares, validateBlockCount } from '@/lib/devtools/blockRewards';
import { formatClo } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import { useChainNow } from '@/components/ui/chainDisplay';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button } from '@/components/ui/primitives';
import { useNowSeconds } from '@/components/ui/useNow';
import { describeChainTime, describeClockOffset, describeTimeJump, shortClockOffset } from './chainTime';

const FAUCET_AMOUNT = parseEther('1000');
const DAY = 86_400n;

export default function DevPanel() {
  const { chain, rpcUrl } = useNetwork();
  const { address } = useAccount();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [blocks, setBlocks] = useState('100');
  const blocksId = useId();
  const blocksErrorId = useId();
  const timeId = useId();
  const testClient = useMemo(
    () => createTestClient({ chain, mode: 'anvil', transport: http(rpcUrl) }).extend(publicActions),
    [chain, rpcUrl],
  );
  const staking = contractAddress(chain.id, 'ColdStaking');
  const roundInterval = useReadContract({
    address: staking,
    abi: coldStakingAbi,
    functionName: 'round_interval',
    query: { enabled: Boolean(staking) },
  });
  const governance = contractAddress(chain.id, 'TreasuryGovernance');
  const epochLength = useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'epoch_length',
    query: { enabled: Boolean(governance) },
  });
  const genesis = useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'genesis',
    query: { enabled: Boolean(governance) },
  });
  const blocksError = validateBlockCount(blocks);
  const { now: chainNow, block } = useChainNow();
  const wallNow = useNowSeconds();
  const clockKnown = block.data !== undefined;
  const offset = clockKnown ? shortClockOffset(chainNow, wallNow) : undefined;
  const clockFacts = {
    chainNow,
    roundInterval: roundInterval.data === undefined ? undefined : Number(roundInterval.data),
    epochLength: epochLength.data === undefined ? undefined : Number(epochLength.data),
    genesis: genesis.data === undefined ? undefined : Number(genesis.data),
  };
  const jumps = [
    { key: 'day', label: 'A day', words: 'a day', seconds: DAY, unavailable: undefined },
    {
      key: 'round',
      label: 'A staking round',
      words: 'a staking round',
      seconds: roundInterval.data,
      unavailable: staking ? undefined : 'Cold staking is not deployed.',
    },
    {
      key: 'epoch',
      label: 'A governance epoch',
      words: 'a governance epoch',
      seconds: epochLength.data,
      unavailable: governance ? undefined : 'Treasury governance is not deployed.',
    },
  ];

  async function act(label: string, action: () => Promise<string>) {
    setBusy(true);
    setMessage(`${label}…`);
    try {
      setMessage(await action());
      // Balances and clocks changed outside any transaction: every cached read may be stale.
      await queryClient.invalidateQueries();
    } catch (error) {
      setMessage(`${label} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const faucet = (account: Address) =>
    act('Sending from the faucet', async () => {
      const balance = await testClient.getBalance({ address: account });
      await testClient.setBalance({ address: account, value: balance + FAUCET_AMOUNT });
      return `Added ${formatClo(FAUCET_AMOUNT)} CLO to your account.`;
    });

  const advance = (label: string, seconds: bigint) =>
    act(`Advancing ${label}`, async () => {
      await testClient.increaseTime({ seconds: Number(seconds) });
      await testClient.mine({ blocks: 1 });
      return `Advanced the chain clock by ${label}.`;
    });

  const emulateRewards = () =>
    act('Crediting block rewards', async () => {
      const shares = blockRewardShares(BigInt(blocks.trim()));
      // The protocol credits balances without a call (a transfer to the staking contract would stake).
      const credit = async (address: Address, amount: bigint) =>
        testClient.setBalance({ address, value: (await testClient.getBalance({ address })) + amount });
      const credited: string[] = [];
      if (staking) {
        await credit(staking, shares.staking);
        credited.push(`cold staking with ${formatClo(shares.staking)} CLO`);
      }
      if (governance) {
        await credit(governance, shares.treasury);
        credited.push(`the treasury with ${formatClo(shares.treasury)} CLO`);
      }
      if (credited.length === 0) throw new Error('neither cold staking nor the treasury is deployed');
      return `Credited ${credited.join(' and ')} for ${blocks.trim()} blocks.`;
    });

  return (
    <>
      {/* In the page's flow, after its content: the page can scroll its last lines above the corner control. */}
      <div aria-hidden="true" className="h-16" />
      <details className="fixed bottom-3 right-3 z-40 max-h-[calc(100dvh-1.5rem)] max-w-[calc(100vw-1.5rem)] overflow-y-auto rounded-xl border border-amber-700/70 bg-slate-900 text-sm shadow-xl open:w-[min(22rem,calc(100vw-1.5rem))] open:p-4">
        <summary className="cursor-pointer list-none rounded-xl px-3 py-1.5 text-xs font-semibold text-amber-200 sm:text-sm [&::-webkit-details-marker]:hidden">
          Dev<span className="sr-only sm:not-sr-only"> panel (local chain)</span>
          {offset && (
            <span className="ml-2 rounded bg-amber-900/60 px-1.5 py-0.5 font-mono text-amber-100">
              <span aria-hidden="true">{offset}</span>
              <span className="sr-only">: chain clock {describeClockOffset(chainNow, wallNow).slice(1, -1)}</span>
            </span>
          )}
        </summary>
        <div className="mt-2 space-y-4">
          <p className="text-xs text-slate-300" data-testid="chain-time">
            {clockKnown
              ? describeChainTime(chainNow, wallNow, (s) => formatDateTime(s))
              : 'chain time: reading the latest block…'}
            <span className="block text-slate-400">
              Contracts use the chain&apos;s clock, so dates on the pages follow it, not yours.
            </span>
          </p>
          <section aria-label="Faucet">
            <Button className="w-full" disabled={busy || !address} onClick={() => address && faucet(address)}>
              Faucet: 1,000 CLO to my account
            </Button>
            {!address && <p className="mt-1 text-xs text-slate-400">Connect a wallet to use the faucet.</p>}
          </section>
          <section aria-labelledby={`${timeId}-heading`}>
            <h3 id={`${timeId}-heading`} className="mb-1 font-semibold">
              Advance time
            </h3>
            <ul className="space-y-2">
              {jumps.map((jump) => {
                const descriptionId = `${timeId}-${jump.key}`;
                const seconds = jump.seconds === undefined ? undefined : Number(jump.seconds);
                return (
                  <li key={jump.key}>
                    <Button
                      variant="secondary"
                      className="w-full"
                      disabled={busy || seconds === undefined}
                      aria-describedby={descriptionId}
                      onClick={() => jump.seconds !== undefined && advance(jump.words, BigInt(jump.seconds))}
                    >
                      {jump.label}
                    </Button>
                    <p id={descriptionId} className="mt-1 text-xs text-slate-400">
                      {jump.unavailable ??
                        (seconds === undefined ? 'Reading its length…' : describeTimeJump(seconds, clockFacts))}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
          <section aria-label="Emulate block rewards">
            <h3 className="mb-1 font-semibold">Emulate block rewards</h3>
            <label htmlFor={blocksId} className="block text-xs text-slate-400">
              Blocks of 600 CLO (20% to cold staking, 10% to the treasury)
            </label>
            <div className="mt-1 flex gap-2">
              <input
                id={blocksId}
                inputMode="numeric"
                value={blocks}
                onChange={(e) => setBlocks(e.target.value)}
                aria-invalid={blocksError ? true : undefined}
                aria-describedby={blocksError ? blocksErrorId : undefined}
                className="w-28 rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5"
              />
              <Button
                variant="secondary"
                disabled={busy || Boolean(blocksError) || (!staking && !governance)}
                onClick={emulateRewards}
              >
                Credit
              </Button>
            </div>
            {blocksError && (
              <p id={blocksErrorId} className="mt-1 text-xs text-rose-300">
                {blocksError}
              </p>
            )}
          </section>
          <p role="status" aria-live="polite" className="min-h-5 text-xs text-slate-300">
            {message}
          </p>
        </div>
      </details>
    </>
  );
}
