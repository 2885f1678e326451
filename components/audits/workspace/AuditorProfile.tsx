'use client';

import { isAddressEqual, type Address } from 'viem';
import { DateAt, useChainNow } from '@/components/ui/chainDisplay';
import { Card, Stat } from '@/components/ui/primitives';
import { useAuditors } from '../hooks/useMembers';

/** The connected account as the registry knows it: its role, karma, reports revealed, active status, contact. */
export function AuditorProfile({
  registry,
  account,
  isAuditor,
}: {
  registry: Address;
  account: Address | undefined;
  isAuditor: boolean;
}) {
  const auditors = useAuditors(registry);
  const { now } = useChainNow();
  const loaded = auditors.data !== undefined;
  const me = account ? auditors.data?.find((m) => isAddressEqual(m.account, account)) : undefined;
  return (
    <Card title="You">
      {!account ? (
        <p className="text-sm text-slate-300">Connect an auditor’s wallet to commit reports and claim payouts.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-300" data-testid="auditor-role">
            {isAuditor
              ? 'You are an auditor of the registry.'
              : me
                ? 'You were removed as an auditor: you cannot commit new reports, but you may still claim karma earned.'
                : 'Your account is not an auditor. A manager adds auditors (see the manager console).'}
          </p>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat
              label="Karma"
              value={loaded ? <span data-testid="my-karma">{(me?.karma ?? 0n).toString()}</span> : undefined}
            />
            <Stat label="Reports revealed" value={loaded ? (me?.reports_revealed ?? 0n).toString() : undefined} />
            <Stat
              label="Active until"
              value={loaded ? me && me.active_until > 0n ? <DateAt at={me.active_until} /> : 'Never active' : undefined}
              hint={me && me.active_until > BigInt(now) ? 'Active now' : 'Not active now'}
            />
            <Stat
              label="Contact"
              value={loaded ? <span className="break-all">{me?.contact || '—'}</span> : undefined}
            />
          </dl>
        </>
      )}
    </Card>
  );
}
