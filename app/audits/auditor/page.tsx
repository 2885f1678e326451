import type { Metadata } from 'next';
import { AuditorWorkspace } from '@/components/audits/workspace/AuditorWorkspace';

export const metadata: Metadata = { title: 'Auditor workspace' };

export default function Page() {
  return <AuditorWorkspace />;
}
