import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NO_PRICE } from '@/lib/files/pricing';
import { Amount } from '@/components/ui/Amount';
import { PricePerMb } from './PricePerMb';

describe('readable figures', () => {
  it('shows dust as "< 0.000001 CLO" with the exact amount in the title', () => {
    render(<Amount wei={562_667_846_680n} testId="dust" />);
    const dust = screen.getByTestId('dust');
    expect(dust.firstChild?.textContent).toBe('< 0.000001 CLO');
    expect(dust.getAttribute('title')).toBe('0.00000056266784668 CLO');
  });

  it('shows a price per MB rounded for reading, the unit kept with it, and every decimal in the title', () => {
    render(<PricePerMb wei={99_999_999_860_301_614n} testId="price" />);
    const price = screen.getByTestId('price');
    expect(price.firstChild?.textContent).toBe('0.099999 CLO per MB');
    expect(price.getAttribute('title')).toBe('0.099999999860301614 CLO per MB');
    expect(price.getAttribute('data-exact')).toBe('99999999860301614');
  });

  it('says there is no price past full capacity', () => {
    render(<PricePerMb wei={NO_PRICE} testId="price" />);
    expect(screen.getByTestId('price').textContent).toBe('no price (capacity taken)');
  });
});
