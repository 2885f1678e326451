import { NetworkOverview } from '@/components/overview/NetworkOverview';

export default function OverviewPage() {
  return <NetworkOverview />;
}
