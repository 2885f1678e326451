'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import { IS_LOCAL_BUILD } from '@/lib/chain/env';
import { Header } from './Header';
import { useNetwork } from './NetworkContext';
import { RpcStatusBanner } from './RpcStatusBanner';

// The build constant makes the import dead code in any non-local build, so the dev panel's chunk is not
// even emitted there.
const DevPanel = IS_LOCAL_BUILD ? dynamic(() => import('@/components/devtools/DevPanel'), { ssr: false }) : null;

export function AppShell({ children }: { children: ReactNode }) {
  const { isLocalChain } = useNetwork();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-teal-500 focus:px-3 focus:py-2 focus:text-slate-950"
      >
        Skip to content
      </a>
      <Header />
      <RpcStatusBanner />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">
        {children}
      </main>
      {DevPanel && isLocalChain && <DevPanel />}
    </>
  );
}
