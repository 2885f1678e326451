import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NoSuchItem } from './NoSuchItem';

describe('NoSuchItem', () => {
  it('names what is missing, says why, and links back to the list', () => {
    render(
      <NoSuchItem title="No such proposal" backHref="/governance/" backLabel="All proposals">
        There is no proposal with this number. Proposal numbers start at 0.
      </NoSuchItem>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'No such proposal' })).toBeTruthy();
    expect(screen.getByText('There is no proposal with this number. Proposal numbers start at 0.')).toBeTruthy();
    expect(screen.getByRole('link', { name: '← All proposals' }).getAttribute('href')).toBe('/governance/');
  });
});
