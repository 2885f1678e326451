import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FileDetailPage } from '@/components/files/FileDetail';

export const metadata: Metadata = { title: 'File' };

export default function Page() {
  // The file id comes from the query string, which a static export only knows in the browser.
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-slate-300">
          Loading the file…
        </p>
      }
    >
      <FileDetailPage />
    </Suspense>
  );
}
