import { describe, expect, it } from 'vitest';
import { RequestState } from '@/lib/audits/requests';
import { deliveredAwaitingManagers, requestsWithReports } from './deliveredQueue';

const A = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const B = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as const;
const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const report = { auditor: A, envelope_cid: CID, signed: false, revealed: false };

describe('deliveredAwaitingManagers', () => {
  it('lists each encrypted, unrevealed report with its request, signed or not, in the requests’ order', () => {
    const requests = [
      { id: 9n, state: RequestState.InProgress, description: 'Vault' },
      { id: 4n, state: RequestState.Approved, description: 'Token' },
    ];
    const reports = new Map([
      [9n, [report, { ...report, auditor: B, signed: true }]],
      [4n, [report]],
    ]);
    expect(deliveredAwaitingManagers(requests, reports)).toEqual([
      { requestId: 9n, description: 'Vault', auditor: A, envelopeCid: CID, signed: false },
      { requestId: 9n, description: 'Vault', auditor: B, envelopeCid: CID, signed: true },
      { requestId: 4n, description: 'Token', auditor: A, envelopeCid: CID, signed: false },
    ]);
  });

  it('leaves out revealed reports, reports committed as a private link, and rejected requests', () => {
    const requests = [
      { id: 1n, state: RequestState.Completed, description: 'Done' },
      { id: 2n, state: RequestState.Rejected, description: 'Refused' },
    ];
    const reports = new Map([
      [
        1n,
        [
          { ...report, revealed: true },
          { ...report, auditor: B, envelope_cid: '' },
        ],
      ],
      [2n, [report]],
    ]);
    expect(deliveredAwaitingManagers(requests, reports)).toEqual([]);
    expect(requestsWithReports(requests).map((r) => r.id)).toEqual([1n]);
  });

  it('a request whose reports are not read yet lists nothing', () => {
    expect(deliveredAwaitingManagers([{ id: 3n, state: RequestState.InProgress, description: '' }], new Map())).toEqual(
      [],
    );
  });
});
