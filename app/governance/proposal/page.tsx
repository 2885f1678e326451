import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ProposalDetailPage } from '@/components/governance/ProposalDetail';

export const metadata: Metadata = { title: 'Proposal' };

export default function Page() {
  // The proposal id comes from the query string, which a static export only knows in the browser.
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-slate-300">
          Loading the proposal…
        </p>
      }
    >
      <ProposalDetailPage />
    </Suspense>
  );
}
