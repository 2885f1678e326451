'use client';

import Link from 'next/link';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { NewProposalForm } from './NewProposalForm';

export function NewProposalPage() {
  return (
    <div className="space-y-6">
      <div>
        <Link href="/governance/" className="text-sm text-teal-300 underline underline-offset-2">
          ← All proposals
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">New proposal</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-400">
          Ask the treasury for funding, propose a change to the quorum, the deposit or the storage prices, appoint or
          dismiss an audit manager, or elect or remove an IPFS host node of the Callisto File System. The full
          description lives at an https: or ipfs: address; the contract stores its Keccak-256 hash so that voters can
          tell if it changes.
        </p>
      </div>
      <DeployedGate contracts={['TreasuryGovernance']} feature="Treasury governance">
        {(a) => <NewProposalForm governance={a.TreasuryGovernance} />}
      </DeployedGate>
    </div>
  );
}
