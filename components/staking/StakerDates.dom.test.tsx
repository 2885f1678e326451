// The stale-block bug, as a staker met it: after a transaction the app refreshed the reads naming a touched address,
// but not the latest block (wagmi's block query names none), so the position's figures and dates stayed those of a
// block before the transaction until the window regained focus. Rendered with the app's own providers, connected
// with the local dev account, against a real anvil whose clock moved on since the page read its block.
import { screen, waitFor, within } from '@testing-library/react';
import { parseEther, type Address } from 'viem';
import { useAccount } from 'wagmi';
import { renderConnected, startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldStakingAbi, coldStakingBytecode } from '@/contracts-abi/ColdStaking';
import { type TestChain } from '@/contracts/test/harness';
import { formatDateTime } from '@/lib/format/time';
import { useChainNow } from '@/components/ui/chainDisplay';
import { useNetwork } from '@/components/ui/NetworkContext';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useStakingFigures } from './hooks/useStakingFigures';
import { PositionTimeline } from './PositionTimeline';

const ROUND = 86_400n;
const MAX_DELAY = 365n * 86_400n;
const MAX_SECONDS_PER_BLOCK = 30n * 86_400n;

/** The staking page's position, as StakingDashboard composes it, with a button that stakes for one round. */
function MyStake({ staking }: { staking: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  const { pool, position, timeline } = useStakingFigures(staking, address, chain.id);
  const { now } = useChainNow();
  const tx = useTransaction();
  return (
    <>
      {pool && <p>figures of block {pool.blockNumber.toString()}</p>}
      <button
        type="button"
        onClick={() =>
          void tx.send(
            {
              address: staking,
              abi: coldStakingAbi,
              functionName: 'start_staking',
              args: [1n],
              value: parseEther('10'),
            },
            { successMessage: 'Staked 10 CLO' },
          )
        }
      >
        Stake 10 CLO
      </button>
      <TxStatus state={tx.state} />
      {position && timeline && position.staker.amount > 0n && (
        <PositionTimeline
          staker={position.staker}
          reward={position.reward}
          heldUntil={position.heldUntil}
          timeline={timeline}
          now={now}
          view={position.view}
        />
      )}
    </>
  );
}

describe("a staker's dates after a transaction", () => {
  let chain: TestChain;
  let staking: Address;

  beforeAll(async () => {
    chain = await startAppChain();
    staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      ROUND,
      MAX_DELAY,
      MAX_SECONDS_PER_BLOCK,
      chain.accounts[0]!.address,
    ]);
  });
  afterAll(() => stopAppChain(chain));

  it('shows the term of a new stake from the block it was made in, without a focus change', async () => {
    const user = await renderConnected(<MyStake staking={staking} />);
    const opened = await chain.publicClient.getBlockNumber();
    await screen.findByText(`figures of block ${opened}`, undefined, { timeout: 20_000 });

    // Ten days pass on chain while the page shows what it read: the page's block is now well behind.
    await chain.increaseTime(10n * 86_400n);

    await user.click(screen.getByRole('button', { name: 'Stake 10 CLO' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Staked 10 CLO/), { timeout: 20_000 });
    const staked = await chain.publicClient.getBlock();

    // The figures move to the block of the stake, and a one-round term ends one round after that block's time.
    await screen.findByText(`figures of block ${staked.number}`, undefined, { timeout: 10_000 });
    const dates = await screen.findByRole('list', { name: 'Dates of my stake' }, { timeout: 10_000 });
    const termEnd = within(dates).getByText('Term ends: the stake becomes withdrawable').closest('li');
    expect(termEnd?.textContent).toContain(formatDateTime(staked.timestamp + ROUND));
  });
});
