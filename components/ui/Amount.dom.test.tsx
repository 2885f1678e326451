import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { Amount } from './Amount';

describe('Amount', () => {
  it('shows the readable amount with the exact one in the title and for screen readers', () => {
    render(<Amount wei={parseEther('1234.567890123456789')} />);
    const amount = screen.getByTitle('1,234.567890123456789 CLO');
    expect(amount.firstChild?.textContent).toBe('1,234.56 CLO');
    expect(amount.textContent).toBe('1,234.56 CLO (exactly 1,234.567890123456789 CLO)');
  });

  it('lets a keyboard user reach the exact amount', async () => {
    const user = userEvent.setup();
    render(<Amount wei={1n} />);
    await user.tab();
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('title')).toBe('0.000000000000000001 CLO');
    expect(focused.textContent).toContain('< 0.000001 CLO');
  });

  it('is plain text when the readable amount is already exact', async () => {
    const user = userEvent.setup();
    render(<Amount wei={parseEther('2.5')} />);
    const amount = screen.getByText('2.5 CLO');
    expect(amount.getAttribute('title')).toBeNull();
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });
});
