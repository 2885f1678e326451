'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { bytesKey } from '../hooks/bytesKey';
import { prepareReport } from './deliveryPlan';

/** The report's CID, link and commitment, recomputed when its bytes change (a keystroke, another file). */
export function usePreparedReport(bytes: Uint8Array | undefined) {
  return useQuery({
    queryKey: ['audit-report-prepared', bytesKey(bytes)],
    enabled: bytes !== undefined && bytes.length > 0,
    queryFn: () => prepareReport(bytes!),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    // While the next keystroke's CID is computed, the previous one stays on screen (marked as updating).
    placeholderData: keepPreviousData,
  });
}
