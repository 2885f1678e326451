import type { Metadata } from 'next';
import { NewProposalPage } from '@/components/governance/NewProposalForm';

export const metadata: Metadata = { title: 'New proposal' };

export default function Page() {
  return <NewProposalPage />;
}
