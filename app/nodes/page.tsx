import type { Metadata } from 'next';
import { NodesPage } from '@/components/nodes/NodesPage';

export const metadata: Metadata = { title: 'Host nodes' };

export default function Page() {
  return <NodesPage />;
}
