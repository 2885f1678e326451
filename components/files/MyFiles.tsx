'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { pathFolder, pathName } from '@/lib/files/paths';
import { confirmationsText, isHeld } from '@/lib/files/fileState';
import { endpointHost, fileHref, gatewayLinkUrl } from '@/lib/files/links';
import type { FileEntry, HostNode } from '@/lib/files/types';
import { formatByteCount, formatBytes } from '@/lib/files/units';
import { Amount } from '@/components/ui/Amount';
import { DataTable } from '@/components/ui/DataTable';
import { describeReadError } from '@/components/ui/describeReadError';
import { Button, Card } from '@/components/ui/primitives';
import { DateAt } from '@/components/ui/chainDisplay';
import { Pager } from '@/components/ui/Pager';
import { CidText, FileStatusBadge, useFileState } from '@/components/files/pageParts';
import { WithdrawAction } from './WithdrawAction';
import { SafeText } from '@/components/ui/SafeText';
import { visibleText } from '@/lib/format/safeText';

/** The connected account's files, newest first, a page at a time as the contract pages them. */
export function MyFiles({
  fileSystem,
  account,
  files,
  total,
  nodes,
  nodeCount,
  page,
  pageCount,
  onPage,
  error,
  onRetry,
}: {
  fileSystem: Address;
  account: Address | undefined;
  files: readonly FileEntry[] | undefined;
  total: bigint | undefined;
  nodes: readonly HostNode[] | undefined;
  nodeCount: bigint | undefined;
  page: number;
  pageCount: number;
  onPage(page: number): void;
  /** Why the page of files could not be read, when it could not. */
  error: unknown;
  onRetry(): void;
}) {
  if (!account) {
    return (
      <Card title="My files">
        <p className="text-sm text-slate-300" data-testid="my-files-connect">
          Connect a wallet to see the files stored under your address.
        </p>
      </Card>
    );
  }
  // The first node whose gateway may be linked: any elected node serves any file the nodes hold.
  const gatewayNode = nodes?.find((n) => gatewayLinkUrl(n.endpoint, 'bafkqaaa') !== undefined);
  return (
    <Card title={total === undefined ? 'My files' : `My files (${total.toString()})`}>
      {files === undefined ? (
        error ? (
          <div>
            <p role="alert" className="text-sm text-rose-200">
              Your files cannot be read: {describeReadError(error)}.
            </p>
            <Button variant="secondary" className="mt-3" onClick={onRetry}>
              Try again
            </Button>
          </div>
        ) : (
          <p role="status" className="text-sm text-slate-300">
            Loading your files…
          </p>
        )
      ) : files.length === 0 ? (
        <p className="text-sm text-slate-300" data-testid="my-files-empty">
          You have not stored any file yet. Upload one above: its deposit comes back whole when you withdraw it.
        </p>
      ) : (
        <DataTable
          caption="My files, newest first"
          columns={[
            { label: 'Path' },
            { label: 'Size', align: 'right' },
            { label: 'CID' },
            { label: 'Deposit', align: 'right' },
            { label: 'Confirmed by' },
            { label: 'Links' },
            { label: 'Actions', hiddenLabel: true },
          ]}
          minWidth="60rem"
        >
          {files.map((f) => {
            const gateway = gatewayNode ? gatewayLinkUrl(gatewayNode.endpoint, f.cid) : undefined;
            const folder = pathFolder(f.path);
            return (
              <tr key={f.id.toString()} data-testid="file-row" className="align-top">
                <td className="max-w-[16rem] py-2 pr-4">
                  <span className="block font-medium break-all" data-testid="file-name">
                    <SafeText text={pathName(f.path)} kind="path" />
                  </span>
                  {folder && (
                    <span className="block text-xs break-all text-slate-400" data-testid="file-path">
                      <SafeText text={`${folder}/`} kind="path" />
                    </span>
                  )}
                  <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-400">
                    <FileRowStatus file={f} />
                    <DateAt at={f.uploaded_at} />
                  </span>
                </td>
                <td
                  className="py-2 pr-4 text-right tabular-nums"
                  title={formatByteCount(f.size)}
                  data-testid="file-size"
                >
                  {formatBytes(f.size)}
                </td>
                <td className="max-w-[14rem] py-2 pr-4">
                  <CidText cid={f.cid} testId="file-cid" />
                </td>
                <td className="py-2 pr-4 text-right whitespace-nowrap">
                  <Amount wei={f.deposit} testId="file-deposit" />
                </td>
                <td className="py-2 pr-4" data-testid="file-confirmations">
                  <ConfirmationCell file={f} nodeCount={nodeCount ?? 0n} />
                </td>
                <td className="py-2 pr-4">
                  <Link
                    href={fileHref(f.id)}
                    className="block text-teal-300 underline underline-offset-2"
                    data-testid="file-link"
                  >
                    Details<span className="sr-only"> of {visibleText(f.path)}</span>
                  </Link>
                  {gateway && gatewayNode && isHeld(f) && (
                    <a
                      href={gateway}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="block text-teal-300 underline underline-offset-2"
                      data-testid="file-gateway-link"
                    >
                      Gateway <span className="text-xs text-slate-400">({endpointHost(gatewayNode.endpoint)})</span>
                      <span className="sr-only">, {visibleText(f.path)}, opens in a new tab</span>
                    </a>
                  )}
                </td>
                <td className="py-2">
                  <WithdrawAction fileSystem={fileSystem} file={f} compact />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pager page={page} pageCount={pageCount} onPage={onPage} label="My files pages" />
    </Card>
  );
}

function FileRowStatus({ file }: { file: FileEntry }) {
  return <FileStatusBadge state={useFileState(file)} />;
}

/** How many nodes confirmed the file; while none has, that it does not count yet and until when it may wait. */
function ConfirmationCell({ file, nodeCount }: { file: FileEntry; nodeCount: bigint }) {
  const state = useFileState(file);
  if (state === 'withdrawn' || state === 'expired') return <>—</>;
  if (state === 'pending') {
    return (
      <span className="text-amber-200">
        {confirmationsText(file.confirmations, nodeCount)}
        <span className="block text-xs text-slate-400">
          counts once a node confirms; expires <DateAt at={file.expires_at} />
        </span>
      </span>
    );
  }
  return <>{confirmationsText(file.confirmations, nodeCount)}</>;
}
