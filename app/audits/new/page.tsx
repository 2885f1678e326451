import type { Metadata } from 'next';
import { NewRequestPage } from '@/components/audits/NewRequestForm';

export const metadata: Metadata = { title: 'Request an audit' };

export default function Page() {
  return <NewRequestPage />;
}
