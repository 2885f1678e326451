// The treasury chart's states and words, from the same per-epoch shaping the page uses (the chain read itself is
// in TreasuryChart.chain.dom.test.tsx).
import { render, screen } from '@testing-library/react';
import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { epochWindow, treasuryPicture } from '@/lib/governance/treasuryPicture';
import { TreasuryChart } from './TreasuryChart';

const current = 9n;
const epochs = epochWindow(current);
// 25,000 CLO a epoch committed from epoch 7 to 12.
const picture = treasuryPicture(
  epochs,
  epochs.map((e) => (e >= 7n && e <= 12n ? parseEther('25000') : 0n)),
  current,
);

describe('TreasuryChart', () => {
  it('says when the coming commitments exceed what is available now, and by how much', () => {
    render(<TreasuryChart picture={picture} balance={parseEther('60000')} available={parseEther('55000')} />);
    const note = screen.getByTestId('treasury-chart-note').textContent;
    // Epochs 10, 11 and 12 are coming: 75,000 CLO against 55,000 available.
    expect(note).toContain(
      'Committed over the next 6 epochs: 75,000 CLO, against 55,000 CLO available for payments now (20,000 CLO short unless block rewards or donations arrive first).',
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Payouts committed per epoch, epochs 3 to 15: 25,000 CLO in the current epoch 9, 75,000 CLO over the next 6 epochs (the most, 25,000 CLO, in epoch 10), against a balance of 60,000 CLO now.',
    );
    expect(screen.getAllByRole('row')).toHaveLength(1 + 13);
  });

  it('shows a placeholder while reading, and says so when the read failed', () => {
    const { rerender } = render(<TreasuryChart picture={undefined} balance={undefined} available={undefined} />);
    expect(screen.getByRole('status', { name: 'loading' })).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    rerender(<TreasuryChart picture={undefined} balance={parseEther('1')} available={undefined} failed />);
    expect(screen.getByRole('alert').textContent).toBe(
      'The payouts committed per epoch cannot be read: the network does not answer.',
    );
  });
});
