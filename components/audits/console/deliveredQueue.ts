// The manager console's inbox: reports an auditor delivered encrypted (committed with an envelope CID) that no
// manager has revealed yet, on requests where a reveal is still possible. A rejected request's reports are never
// revealed, so they wait for nobody. No React here.
import type { Address } from 'viem';
import { RequestState } from '@/lib/audits/requests';

export type DeliveredEntry = {
  requestId: bigint;
  description: string;
  auditor: Address;
  envelopeCid: string;
  signed: boolean;
};

type RequestLike = { id: bigint; state: number; description: string };
type ReportLike = { auditor: Address; envelope_cid: string; signed: boolean; revealed: boolean };

/** The delivered, unrevealed reports of `requests` (in their order), each with its request. */
export function deliveredAwaitingManagers(
  requests: readonly RequestLike[],
  reportsById: ReadonlyMap<bigint, readonly ReportLike[]>,
): DeliveredEntry[] {
  const entries: DeliveredEntry[] = [];
  for (const request of requestsWithReports(requests)) {
    for (const report of reportsById.get(request.id) ?? []) {
      if (report.envelope_cid === '' || report.revealed) continue;
      entries.push({
        requestId: request.id,
        description: request.description,
        auditor: report.auditor,
        envelopeCid: report.envelope_cid,
        signed: report.signed,
      });
    }
  }
  return entries;
}

/** The requests whose reports the inbox reads: those where a delivered report can still wait for a manager. */
export function requestsWithReports<R extends RequestLike>(requests: readonly R[]): R[] {
  return requests.filter((r) => r.state !== RequestState.Rejected && r.state !== RequestState.Pending);
}
