import type { Address } from 'viem';
import { confirmationsText, type FileState } from '@/lib/files/fileState';
import { endpointHost, gatewayLinkUrl } from '@/lib/files/links';
import type { FileEntry, HostNode } from '@/lib/files/types';
import { DataTable } from '@/components/ui/DataTable';
import { Card } from '@/components/ui/primitives';
import { AddressText } from '@/components/ui/AddressText';

/** Which of the elected nodes confirmed the file (with a gateway link each while it is held), and which nodes no
 * longer elected did. */
export function FileConfirmations({
  file,
  state,
  held,
  nodeCount,
  elected,
  confirmedSet,
  formerConfirmers,
}: {
  file: FileEntry;
  state: FileState;
  held: boolean;
  nodeCount: number;
  elected: readonly HostNode[];
  confirmedSet: ReadonlySet<string>;
  formerConfirmers: readonly Address[];
}) {
  return (
    <Card title="Confirmations">
      <p className="text-sm">
        Confirmed by{' '}
        <strong data-testid="file-confirmations">{confirmationsText(file.confirmations, nodeCount)}</strong>{' '}
        <span className="text-slate-400">
          elected now. A node confirms on chain once it holds content of exactly this size under this CID; the first
          confirmation makes the file count.
        </span>
      </p>
      {(state === 'pending' || state === 'counted') && file.confirmations < nodeCount && (
        <p role="status" className="mt-1 text-xs text-slate-400">
          Waiting for the other nodes; this page checks again every few seconds.
        </p>
      )}
      {elected.length > 0 && (
        <div className="mt-3">
          <DataTable
            caption="Host nodes and whether each confirmed this file"
            columns={[{ label: 'Node' }, { label: 'Endpoint' }, { label: 'Confirmed' }, { label: 'Gateway' }]}
            minWidth="40rem"
          >
            {elected.map((n) => {
              const confirmed = confirmedSet.has(n.node.toLowerCase());
              const gateway = held ? gatewayLinkUrl(n.endpoint, file.cid) : undefined;
              return (
                <tr key={n.node} data-testid="confirmer-row">
                  <td className="py-2 pr-4">
                    <AddressText address={n.node} />
                  </td>
                  <td className="py-2 pr-4 font-mono text-xs break-all">{endpointHost(n.endpoint)}</td>
                  <td className="py-2 pr-4" data-testid="confirmer-state">
                    {confirmed ? 'Confirmed' : 'Not yet'}
                  </td>
                  <td className="py-2">
                    {gateway ? (
                      <a
                        href={gateway}
                        target="_blank"
                        rel="noreferrer noopener"
                        className="text-teal-300 underline underline-offset-2"
                      >
                        Open <span className="text-xs text-slate-400">({endpointHost(n.endpoint)})</span>
                        <span className="sr-only">, opens in a new tab, not verified</span>
                      </a>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      )}
      {formerConfirmers.length > 0 && (
        <p className="mt-3 text-xs text-slate-400">
          Also confirmed by nodes no longer elected:{' '}
          {formerConfirmers.map((a) => (
            <span key={a} className="mr-2 font-mono break-all">
              {a}
            </span>
          ))}
        </p>
      )}
    </Card>
  );
}
