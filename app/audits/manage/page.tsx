import type { Metadata } from 'next';
import { ManagerConsole } from '@/components/audits/console/ManagerConsole';

export const metadata: Metadata = { title: 'Audit manager console' };

export default function Page() {
  return <ManagerConsole />;
}
