import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { callisto, callistoLocal } from '@/lib/chain/chains';
import localDeployments from '@/contracts-abi/deployments/31337.json';
import { NetworkContext, type NetworkContextValue } from './NetworkContext';
import { DeployedGate, useDeployedAddress } from './DeployedGate';

function OnNetwork({ network, children }: { network: 'local' | 'callisto'; children: ReactNode }) {
  const chain = network === 'local' ? callistoLocal : callisto;
  const value: NetworkContextValue = {
    settings: { network },
    chain,
    rpcUrl: chain.rpcUrls.default.http[0]!,
    isLocalChain: network === 'local',
    changeNetwork: () => {},
  };
  return <NetworkContext.Provider value={value}>{children}</NetworkContext.Provider>;
}

function StakingAddress() {
  return <p>staking at {useDeployedAddress('ColdStaking') ?? 'nowhere'}</p>;
}

describe('DeployedGate', () => {
  it("hands the feature its contracts' addresses where they are deployed", () => {
    render(
      <OnNetwork network="local">
        <DeployedGate contracts={['TreasuryGovernance', 'ColdStaking']} feature="Treasury governance">
          {(addresses) => (
            <p>
              governance {addresses.TreasuryGovernance} staking {addresses.ColdStaking}
            </p>
          )}
        </DeployedGate>
      </OnNetwork>,
    );
    expect(
      screen.getByText(
        `governance ${localDeployments.contracts.TreasuryGovernance} staking ${localDeployments.contracts.ColdStaking}`,
      ),
    ).toBeTruthy();
  });

  it('says the feature is not deployed on a network that lacks one of its contracts', () => {
    render(
      <OnNetwork network="callisto">
        <DeployedGate contracts={['TreasuryGovernance', 'ColdStaking']} feature="Treasury governance">
          {() => <p>the governance page</p>}
        </DeployedGate>
        <StakingAddress />
      </OnNetwork>,
    );
    expect(screen.getByText('Treasury governance is not deployed on Callisto.')).toBeTruthy();
    expect(screen.queryByText('the governance page')).toBeNull();
    // Cold staking is live on mainnet, so its address is there.
    expect(screen.getByText(/^staking at 0x08A7c8be47773546DC5E173d67B0c38AfFfa4b84$/)).toBeTruthy();
  });
});
