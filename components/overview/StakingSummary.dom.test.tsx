// The overview's cold staking figures against a real anvil: the stakes, the round, the staker count and the live
// reward pool (balance less the stakes, block rewards included), read with the app's own providers.
import { render, screen } from '@testing-library/react';
import { parseEther, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldStakingAbi, coldStakingBytecode } from '@/contracts-abi/ColdStaking';
import type { TestChain } from '@/contracts/test/harness';
import { startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { stakingFeaturesOn } from '@/lib/staking/contractFeatures';
import { AppProviders } from '@/components/ui/AppProviders';
import { useStakingSummary, type SummaryFigure } from './hooks/useStakingSummary';

const text = (figure: SummaryFigure<bigint>) => (figure === undefined ? 'loading' : String(figure));

function Summary({ staking }: { staking: Address }) {
  const summary = useStakingSummary(staking, stakingFeaturesOn(31337));
  return (
    <dl>
      <dt>staked</dt>
      <dd>{text(summary.totalStaked)}</dd>
      <dt>stakers</dt>
      <dd>{text(summary.stakerCount)}</dd>
      <dt>round</dt>
      <dd>{text(summary.roundInterval)}</dd>
      <dt>pool</dt>
      <dd>{text(summary.rewardPool)}</dd>
    </dl>
  );
}

describe("the overview's cold staking figures", () => {
  let chain: TestChain;
  let staking: Address;

  beforeAll(async () => {
    chain = await startAppChain();
    staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      86_400n,
      365n * 86_400n,
      25n,
      chain.accounts[0]!.address,
    ]);
    for (const from of [1, 2]) {
      await chain.write(from, {
        address: staking,
        abi: coldStakingAbi,
        functionName: 'start_staking',
        args: [1n],
        value: parseEther('10'),
      });
    }
    // Block rewards arrive as a plain balance credit, as on mainnet.
    await chain.setBalance(staking, parseEther('27'));
  });
  afterAll(() => stopAppChain(chain));

  it('shows the stakes, the stakers, the round and the live pool', async () => {
    render(
      <AppProviders>
        <Summary staking={staking} />
      </AppProviders>,
    );
    const figure = (name: string) => screen.getByText(name).nextElementSibling?.textContent;
    await screen.findByText(parseEther('7').toString(), undefined, { timeout: 20_000 });
    expect(figure('staked')).toBe(parseEther('20').toString());
    expect(figure('stakers')).toBe('2');
    expect(figure('round')).toBe('86400');
    expect(figure('pool')).toBe(parseEther('7').toString());
  });
});
