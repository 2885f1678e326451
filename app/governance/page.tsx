import type { Metadata } from 'next';
import { GovernancePage } from '@/components/governance/GovernancePage';

export const metadata: Metadata = { title: 'Treasury governance' };

export default function Page() {
  return <GovernancePage />;
}
