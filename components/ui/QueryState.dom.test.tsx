import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpRequestError, TimeoutError } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import { QueryState } from './QueryState';

const unreachable = new HttpRequestError({ url: 'http://127.0.0.1:8545', details: 'fetch failed' });

describe('QueryState', () => {
  it('shows a loading placeholder that says what is loading', () => {
    render(
      <QueryState query={{ data: undefined, error: null, isPending: true, refetch: () => {} }} what="The proposal">
        {(data: string) => <p>{data}</p>}
      </QueryState>,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('The proposal: loading');
    expect(status.getAttribute('aria-busy')).toBe('true');
  });

  it('says in words why the read failed and retries on demand', async () => {
    const user = userEvent.setup();
    const refetch = vi.fn();
    render(
      <QueryState query={{ data: undefined, error: unreachable, isPending: false, refetch }} what="The proposal">
        {(data: string) => <p>{data}</p>}
      </QueryState>,
    );
    expect(screen.getByRole('alert').textContent).toBe('The proposal cannot be read: the network does not answer.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('tells a timeout from an unreachable network', () => {
    const timeout = new TimeoutError({ body: {}, url: 'http://127.0.0.1:8545' });
    render(
      <QueryState query={{ data: undefined, error: timeout, isPending: false, refetch: () => {} }} what="The treasury">
        {(data: string) => <p>{data}</p>}
      </QueryState>,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The treasury cannot be read: the network took too long to answer.',
    );
  });

  it('renders the data, and keeps it when a later refresh fails', () => {
    const { rerender } = render(
      <QueryState query={{ data: 'Proposal 7', error: null, isPending: false, refetch: () => {} }} what="The proposal">
        {(data) => <p>{data}</p>}
      </QueryState>,
    );
    expect(screen.getByText('Proposal 7')).toBeTruthy();
    rerender(
      <QueryState
        query={{ data: 'Proposal 7', error: unreachable, isPending: false, refetch: () => {} }}
        what="The proposal"
      >
        {(data) => <p>{data}</p>}
      </QueryState>,
    );
    expect(screen.getByText('Proposal 7')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders falsy data such as 0n rather than a placeholder', () => {
    render(
      <QueryState query={{ data: 0n, error: null, isPending: false, refetch: () => {} }} what="The balance">
        {(data) => <p>balance {data.toString()}</p>}
      </QueryState>,
    );
    expect(screen.getByText('balance 0')).toBeTruthy();
  });
});
