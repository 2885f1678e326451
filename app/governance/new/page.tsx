import type { Metadata } from 'next';
import { NewProposalPage } from '@/components/governance/newProposal/NewProposalPage';

export const metadata: Metadata = { title: 'New proposal' };

export default function Page() {
  return <NewProposalPage />;
}
