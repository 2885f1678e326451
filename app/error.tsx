'use client';

import { Button } from '@/components/ui/primitives';

/** Shown instead of a blank page when a page throws while rendering. */
export default function PageError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong on this page</h1>
      <p className="mt-2 text-sm text-slate-400">{error.message}</p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
