import type { Metadata } from 'next';
import { AuditsPage } from '@/components/audits/registry/AuditsPage';

export const metadata: Metadata = { title: 'Audit registry' };

export default function Page() {
  return <AuditsPage />;
}
