'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { KarmaParameters } from '@/lib/audits/karma';

/** The registry's karma immutables (`karma_per_kb`, `error_penalty`), once both are read. */
export function useKarmaParameters(registry: Address): KarmaParameters | undefined {
  const base = { address: registry, abi: auditRegistryAbi } as const;
  const perKb = useReadContract({ ...base, functionName: 'karma_per_kb' });
  const penalty = useReadContract({ ...base, functionName: 'error_penalty' });
  if (perKb.data === undefined || penalty.data === undefined) return undefined;
  return { karmaPerKb: perKb.data, errorPenalty: penalty.data };
}
