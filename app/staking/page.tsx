import type { Metadata } from 'next';
import { StakingPage } from '@/components/staking/StakingPage';

export const metadata: Metadata = { title: 'Cold staking' };

export default function Page() {
  return <StakingPage />;
}
