'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { Address } from 'viem';
import { useBalance, usePublicClient, useReadContracts } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { contractAddress } from '@/lib/chain/deployments';
import { formatCloWithUnit } from '@/lib/format/clo';
import type { Proposal } from '@/lib/governance/proposal';
import { olderMayBeOpen, openForVoting } from '@/lib/governance/filters';
import { newestFirstPage } from '@/lib/governance/paging';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, Stat } from '@/components/ui/primitives';
import { proposalHref } from './shared';
import { ok } from '@/components/ui/chainDisplay';

const SCAN_PAGE = 50;
/** Open proposals are the newest but one epoch's worth. One page keeps the overview at a fixed number of round
 * trips however many proposals exist; past it the list says "and more" and links to the full list. */
const MAX_SCAN_PAGES = 1;

/** The treasury at a glance for the overview page: its balance and the proposals open for voting now. */
export function GovernanceOverview() {
  const { chain } = useNetwork();
  const governance = contractAddress(chain.id, 'TreasuryGovernance');
  return (
    <Card title="Treasury governance">
      {governance ? (
        <OverviewBody governance={governance} />
      ) : (
        <p className="text-sm text-slate-300">Treasury governance is not deployed on {chain.name}.</p>
      )}
    </Card>
  );
}

function OverviewBody({ governance }: { governance: Address }) {
  const { chain } = useNetwork();
  const client = usePublicClient({ chainId: chain.id });
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...g, functionName: 'proposal_count' },
      { ...g, functionName: 'current_epoch' },
    ],
  });
  const balance = useBalance({ address: governance });
  const count = ok(reads.data?.[0]);
  const epoch = ok(reads.data?.[1]);

  // Voting epochs never decrease with the id, so the open proposals sit at the newest end: read pages from the
  // newest back only until a page starts before the current epoch (usually a single page).
  const open = useQuery({
    queryKey: ['governance-open', chain.id, governance, count?.toString(), epoch?.toString()],
    enabled: Boolean(client) && count !== undefined && epoch !== undefined,
    queryFn: async () => {
      if (!client || count === undefined || epoch === undefined) throw new Error('No connection to the network');
      const found: Proposal[] = [];
      for (let page = 0; page < MAX_SCAN_PAGES; page++) {
        const range = newestFirstPage(count, page, SCAN_PAGE);
        if (range.page !== page || range.limit === 0n) return { proposals: found, more: false };
        const rows = (await client.readContract({
          ...g,
          functionName: 'get_proposals',
          args: [range.offset, range.limit],
        })) as readonly Proposal[];
        found.push(...openForVoting(rows, epoch).reverse());
        if (!olderMayBeOpen(rows, epoch) || range.offset === 0n) return { proposals: found, more: false };
      }
      return { proposals: found, more: true };
    },
  });

  const openCount = open.data?.proposals.length;
  return (
    <>
      <dl className="grid grid-cols-2 gap-4">
        <Stat
          label="Treasury balance"
          value={balance.data === undefined ? undefined : formatCloWithUnit(balance.data.value, 0)}
        />
        <Stat
          label="Open for voting"
          value={openCount === undefined ? undefined : `${openCount}${open.data?.more ? '+' : ''}`}
        />
      </dl>
      {(reads.isError || open.isError) && (
        <p role="alert" className="mt-3 text-sm text-rose-200">
          The proposals cannot be read: the network does not answer.
        </p>
      )}
      {open.data && open.data.proposals.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Proposals open for voting">
          {open.data.proposals.map((p) => (
            <li key={p.id.toString()} className="min-w-0 truncate">
              <Link href={proposalHref(p.id)} className="text-teal-300 underline underline-offset-2">
                #{p.id.toString()} {p.title}
              </Link>
            </li>
          ))}
          {open.data.more && <li className="text-slate-400">and more on the governance page</li>}
        </ul>
      )}
      {open.data && open.data.proposals.length === 0 && (
        <p className="mt-3 text-sm text-slate-300">No proposal is open for voting now.</p>
      )}
      <Link href="/governance/" className="mt-4 inline-block text-sm text-teal-300 underline underline-offset-2">
        All proposals
      </Link>
    </>
  );
}
