// The position card's reward by round, drawn from the reward model's own figures (ColdStakingModel, the contract's
// arithmetic checked against the contract in lib/staking): the completed rounds at what a claim pays now, the rounds
// left as the estimate, now marked, and the figures readable without the picture.
import { render, screen, within } from '@testing-library/react';
import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { formatCloReadable } from '@/lib/format/clo';
import { ColdStakingModel, type StakingParams } from '@/lib/staking/rewardModel';
import { NoPositionCard } from './NoPositionCard';
import { PositionRewardChart } from './PositionRewardChart';

const ME = '0x000000000000000000000000000000000000000A';
const OTHER = '0x000000000000000000000000000000000000000b';
const params: StakingParams = { roundInterval: 86_400n, maxDelay: 365n * 86_400n, maxSecondsPerBlock: 30n * 86_400n };

const cell = (row: HTMLElement, i: number) => row.querySelectorAll('td')[i]?.textContent;

function positionAfter(seconds: bigint) {
  const model = new ColdStakingModel(params, { number: 1n, timestamp: 1_000_000n }, OTHER);
  model.advance(1n);
  model.stake(ME, parseEther('100'), 4n);
  model.stake(OTHER, parseEther('300'), 12n);
  model.credit(parseEther('1000'));
  model.advance(seconds);
  const { timestamp, totalWeight } = model.clock();
  const view = {
    now: timestamp,
    pool: model.pool,
    totalWeight,
    totalAmount: model.totalAmount,
    roundInterval: 86_400n,
  };
  return { model, staker: model.staker(ME), view };
}

describe('PositionRewardChart', () => {
  it('mid-term: the completed rounds at what a claim pays now, each round left estimated, now inside round 3', () => {
    const { model, staker, view } = positionAfter((5n * 86_400n) / 2n);
    render(<PositionRewardChart staker={staker} view={view} />);
    const claimable = model.stakeReward(ME);
    const chart = screen.getByRole('img', { name: /claimable now for 2 completed rounds/ });
    expect(chart.getAttribute('aria-label')).toContain(`${formatCloReadable(claimable)} claimable now`);
    expect(chart.getAttribute('aria-label')).toContain('each of the 2 rounds left');
    expect(screen.getByText('Reward by round: 2 rounds completed, 2 rounds left')).toBeTruthy();
    // "now" is marked, halfway through the third round.
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toContain('now');

    // The figures in words, with the exact amount one hover away.
    const figures = screen.getByTestId('position-reward-figures');
    expect(figures.textContent).toMatch(/^Claimable now: .+ for 2 completed rounds\. Each of the 2 rounds left: about/);
    const amounts = figures.querySelectorAll('[data-exact]');
    expect(amounts[0]!.getAttribute('data-exact')).toBe(claimable.toString());

    // The table: one row a round, the completed ones exact, the rest estimates adding the same amount each round.
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => cell(r, 0))).toEqual([
      '1 (completed, claimable now)',
      '2 (completed, claimable now)',
      '3 (estimate)',
      '4 (estimate)',
    ]);
    expect(cell(rows[1]!, 1)).toBe(formatCloReadable(claimable));
    const perRound = BigInt(amounts[1]!.getAttribute('data-exact')!);
    expect(perRound).toBeGreaterThan(0n);
    expect(cell(rows[3]!, 1)).toBe(formatCloReadable(claimable + 2n * perRound));
    expect(amounts[2]!.getAttribute('data-exact')).toBe((claimable + 2n * perRound).toString());
  });

  it('after the term: says no further round earns, and shows what is claimable', () => {
    const { model, staker, view } = positionAfter(10n * 86_400n);
    render(<PositionRewardChart staker={staker} view={view} />);
    expect(screen.getByRole('img', { name: /the term has ended/ })).toBeTruthy();
    expect(screen.getByTestId('position-reward-figures').textContent).toContain(
      'for 4 completed rounds. The term has ended: no further round earns a reward.',
    );
    expect(screen.getAllByRole('row')).toHaveLength(5);
    expect(screen.getAllByRole('row')[4]!.textContent).toContain(formatCloReadable(model.stakeReward(ME)));
  });

  it('without a stake, or while reading, the card says so instead of a chart', () => {
    const { view } = positionAfter(0n);
    const { unmount } = render(
      <PositionRewardChart staker={{ amount: 0n, time: 0n, multiplier: 0n, endTime: 0n }} view={view} />,
    );
    expect(screen.getByText('You have no stake, so there is no reward to show.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    unmount();

    const { rerender } = render(<NoPositionCard state="loading" />);
    expect(screen.getByRole('status').textContent).toBe('Reading your position…');
    rerender(<NoPositionCard state="empty" />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('no-position').textContent).toMatch(/^You have no stake in this contract/);
    rerender(<NoPositionCard state="failed" />);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be read/);
  });
});
