'use client';

import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { contractAddress } from '@/lib/chain/deployments';
import { claimState, withdrawState } from '@/lib/staking/position';
import { useNetwork } from '@/components/ui/NetworkContext';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { Card, ReadFailed } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useChainNow } from '@/components/ui/chainDisplay';
import { useTransaction } from '@/components/ui/useTransaction';
import { LegacyV1Position } from './LegacyV1Position';
import { NoPositionCard } from './NoPositionCard';
import { PoolStats } from './PoolStats';
import { PendingReturn } from './PendingReturn';
import { PositionActions } from './PositionActions';
import { PositionTimeline } from './PositionTimeline';
import { ReportAbuse } from './ReportAbuse';
import { StakeForm } from './StakeForm';
import { StakingHistory } from './StakingHistory';
import { useAccountFunds } from './hooks/useAccountFunds';
import { useStakingFigures } from './hooks/useStakingFigures';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { coldStakingV1Abi } from '@/contracts-abi/ColdStakingV1';
import { useEventHistory } from '@/components/history/useEventHistory';
import { STAKING_HISTORY_EVENTS } from './StakingHistory';

export function StakingPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Cold staking</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-400">
          Lock CLO for 1 to 12 rounds to earn a share of every block reward and a vote in the treasury. Longer terms
          earn a higher multiplier; nothing can be withdrawn before the term ends.
        </p>
      </div>
      <DeployedGate contracts={['ColdStaking']} feature="Cold staking">
        {({ ColdStaking }) => <StakingDashboard staking={ColdStaking} />}
      </DeployedGate>
    </div>
  );
}

function StakingDashboard({ staking }: { staking: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  const chainId = chain.id;
  const { features, pool: data, position, timeline, error, refetch } = useStakingFigures(staking, address, chainId);
  const { balance, gasPrice } = useAccountFunds(address);
  // The chain's clock, ticking, for live countdowns (anvil runs ahead of the wall clock after time travel).
  const { now: chainNow } = useChainNow();
  // One scan of each contract's events, shared by the history and the inactive stakers (cached in the browser, so a
  // second visit reads only new blocks). V1's is read only for a connected account: it only feeds its history.
  const currentHistory = useEventHistory({
    address: staking,
    contract: 'ColdStaking',
    abi: coldStakingAbi,
    eventNames: STAKING_HISTORY_EVENTS,
  });
  const v1 = contractAddress(chainId, 'ColdStakingV1');
  const legacyHistory = useEventHistory({
    address: v1,
    contract: 'ColdStakingV1',
    abi: coldStakingV1Abi,
    eventNames: STAKING_HISTORY_EVENTS,
    enabled: Boolean(address),
  });
  const claimTx = useTransaction();
  const withdrawTx = useTransaction();

  if (error && !data) {
    return <ReadFailed what="The staking contract" error={error} onRetry={() => void refetch()} />;
  }

  const isStaker = (position?.staker.amount ?? 0n) > 0n;

  return (
    <>
      <PoolStats pool={data} />
      {address && <LegacyV1Position account={address} />}
      {address && features.pendingReturns && <PendingReturn staking={staking} amount={position?.ownPendingReturn} />}
      {!address && (
        <Card>
          <p className="text-sm text-slate-300">Connect a wallet to see your position and stake.</p>
        </Card>
      )}
      {position && timeline && isStaker && (
        <>
          <PositionTimeline
            staker={position.staker}
            reward={position.reward}
            heldUntil={position.heldUntil}
            timeline={timeline}
            now={chainNow}
            view={position.view}
          />
          <PositionActions
            staking={staking}
            reward={position.reward}
            stake={position.staker.amount}
            claim={claimState(timeline, position.reward)}
            withdraw={withdrawState(timeline, position.heldUntil, BigInt(chainNow))}
            claimTx={claimTx}
            withdrawTx={withdrawTx}
          />
        </>
      )}
      {address && !isStaker && (
        <NoPositionCard state={position ? 'empty' : error ? 'failed' : 'loading'}>
          {withdrawTx.state.phase === 'success' && (
            <div className="mt-3">
              <TxStatus state={withdrawTx.state} />
            </div>
          )}
        </NoPositionCard>
      )}
      {data && (
        <StakeForm
          staking={staking}
          pool={data}
          position={position}
          balance={balance}
          gasPrice={gasPrice}
          connected={!!address}
        />
      )}
      <ReportAbuse
        staking={staking}
        account={address}
        isStaker={isStaker}
        contractNow={data?.contractNow}
        maxDelay={data?.maxDelay}
        history={currentHistory}
      />
      {address && <StakingHistory account={address} current={currentHistory} legacy={v1 ? legacyHistory : undefined} />}
    </>
  );
}
