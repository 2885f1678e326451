import type { Metadata } from 'next';
import { Leaderboard } from '@/components/audits/Leaderboard';

export const metadata: Metadata = { title: 'Auditor leaderboard' };

export default function Page() {
  return <Leaderboard />;
}
