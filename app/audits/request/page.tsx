import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RequestDetailPage } from '@/components/audits/request/RequestDetail';

export const metadata: Metadata = { title: 'Audit request' };

export default function Page() {
  // The request id comes from the query string, which a static export only knows in the browser.
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-slate-300">
          Loading the request…
        </p>
      }
    >
      <RequestDetailPage />
    </Suspense>
  );
}
