'use client';

import type { Address } from 'viem';
import { karmaFor } from '@/lib/audits/karma';
import { formatDuration } from '@/lib/format/time';
import { Card } from '@/components/ui/primitives';
import { useActivePeriod } from '../hooks/useActivePeriod';
import { useKarmaParameters } from '../hooks/useKarmaParameters';

/** The worked example's contract: 5,000 bytes of code (5 started KiB) and one missed error. */
const EXAMPLE_BYTES = 5_000n;
const EXAMPLE_ERRORS = 1n;

/** How karma is counted, with the registry's own parameters and a worked example. */
export function KarmaRules({ registry }: { registry: Address }) {
  const params = useKarmaParameters(registry);
  const activePeriod = useActivePeriod(registry);
  return (
    <Card title="How karma is counted">
      <p className="text-sm text-slate-300" data-testid="karma-formula">
        A revealed report earns {params ? params.karmaPerKb.toString() : '…'} karma for each started KiB (1024 bytes) of
        the audited contract’s code, less {params ? params.errorPenalty.toString() : '…'} for each error it missed (a
        vulnerability another auditor found), never below zero. The code size is measured on chain when the contract is
        on this chain; otherwise the manager gives it. A report that was not late keeps you active for{' '}
        {activePeriod === undefined ? '…' : formatDuration(Number(activePeriod))} after its reveal.
      </p>
      {params && (
        <p className="mt-2 text-sm text-slate-400">
          Example: a 5,000-byte contract (5 started KiB) with 1 error earns{' '}
          {karmaFor(params, EXAMPLE_BYTES, EXAMPLE_ERRORS).toString()} karma.
        </p>
      )}
    </Card>
  );
}
