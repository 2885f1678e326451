// The RPC probe inside the app's real providers against a real anvil: the banner stays away while the chain
// answers, and a list following the chain reads again when a block is mined (and only then).
import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestChain } from '@/contracts/test/harness';
import { startAppChain, stopAppChain } from '@/components/testing/appOnChain';
import { AppProviders } from './AppProviders';
import { RpcStatusBanner } from './RpcStatusBanner';
import { useFollowChain, useRpcHealth } from './useRpcHealth';

let chain: TestChain;

beforeAll(async () => {
  chain = await startAppChain();
});

afterAll(async () => {
  await stopAppChain(chain);
});

function FollowingList() {
  const [reads, setReads] = useState(0);
  useFollowChain(() => setReads((n) => n + 1));
  const health = useRpcHealth();
  return (
    <p>
      reads {reads}; head {health.data?.state === 'ok' ? health.data.block.toString() : 'unknown'}
    </p>
  );
}

describe('following the chain', () => {
  it('reads again when a block is mined, not while the chain is quiet, and shows no banner', async () => {
    render(
      <AppProviders>
        <RpcStatusBanner />
        <FollowingList />
      </AppProviders>,
    );
    const start = await chain.publicClient.getBlockNumber();
    await screen.findByText(`reads 0; head ${start}`, undefined, { timeout: 10_000 });
    // Two probes of a quiet chain: nothing to read again.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(screen.getByText(`reads 0; head ${start}`)).toBeTruthy();
    await chain.testClient.mine({ blocks: 1 });
    await waitFor(() => expect(screen.getByText(`reads 1; head ${start + 1n}`)).toBeTruthy(), { timeout: 10_000 });
    expect(screen.queryByRole('alert')).toBeNull();
  }, 30_000);
});
