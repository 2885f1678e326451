'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { pathName } from '@/lib/files/paths';
import { isHeld } from '@/lib/files/fileState';
import { parseFileId } from '@/lib/files/links';
import { nodesByElection } from '@/lib/files/nodes';
import type { FileEntry, HostNode } from '@/lib/files/types';
import { formatByteCount, formatBytes } from '@/lib/files/units';
import { Amount } from '@/components/ui/Amount';
import { Card } from '@/components/ui/primitives';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { NoSuchItem } from '@/components/ui/NoSuchItem';
import { QueryState } from '@/components/ui/QueryState';
import { DateAt, ExternalLink } from '@/components/ui/chainDisplay';
import { AddressText } from '@/components/ui/AddressText';
import { useFile } from './hooks/useFile';
import { useHostNodes } from './hooks/useHostNodes';
import { CidText, FileStateNote, FileStatusBadge, FilesNav, Item, useFileState } from '@/components/files/pageParts';
import { FileConfirmations } from './FileConfirmations';
import { VerifiedDownloadPanel } from './VerifiedDownloadPanel';
import { WithdrawAction } from './WithdrawAction';
import { SafeText } from '@/components/ui/SafeText';

function NoSuchFile({ raw }: { raw: string | null }) {
  return (
    <NoSuchItem title="No such file" backHref="/files/" backLabel="My files">
      <p data-testid="no-such-file">
        {raw === null || raw.trim() === ''
          ? 'The address names no file: it needs ?id= and a file number.'
          : parseFileId(raw) === undefined
            ? `“${raw}” is not a file number: file numbers are whole numbers from 0.`
            : 'There is no file with this number. File numbers start at 0.'}
      </p>
    </NoSuchItem>
  );
}

/** The file named by `?id=`. Must sit inside <Suspense>: it reads the query string. */
export function FileDetailPage() {
  const params = useSearchParams();
  const raw = params.get('id');
  const id = parseFileId(raw);
  return (
    <DeployedGate contracts={['CallistoFS']} feature="The Callisto File System">
      {({ CallistoFS }) =>
        id === undefined ? (
          <NoSuchFile raw={raw} />
        ) : (
          <FileView key={id.toString()} fileSystem={CallistoFS} id={id} raw={raw} />
        )
      }
    </DeployedGate>
  );
}

function FileView({ fileSystem, id, raw }: { fileSystem: Address; id: bigint; raw: string | null }) {
  const { address } = useAccount();
  // Issued in one render, so they travel in one batch: the nodes (endpoints to download from; the elected count
  // the confirmations are measured against), the count (to tell a missing id from a failed read), the file and
  // who confirmed it.
  const nodes = useHostNodes(fileSystem);
  const file = useFile(fileSystem, id, nodes.data?.length);
  if (file.missing) return <NoSuchFile raw={raw} />;
  const read = {
    data: file.data && nodes.data ? { ...file.data, nodes: nodes.data } : undefined,
    error: file.error ?? nodes.error,
    isPending: file.isPending || nodes.isPending,
    refetch() {
      file.refetch();
      void nodes.refetch();
    },
  };
  return (
    <QueryState
      query={read}
      what="The file"
      loading={<p className="text-sm text-slate-300">Loading file #{id.toString()}…</p>}
    >
      {({ file: entry, confirmers, nodes: elected }) => (
        <FileViewBody
          fileSystem={fileSystem}
          id={id}
          file={entry}
          nodes={elected}
          confirmers={confirmers}
          account={address}
        />
      )}
    </QueryState>
  );
}

function FileViewBody({
  fileSystem,
  id,
  file,
  nodes,
  confirmers,
  account,
}: {
  fileSystem: Address;
  id: bigint;
  file: FileEntry;
  nodes: readonly HostNode[];
  confirmers: readonly Address[];
  account: Address | undefined;
}) {
  const held = isHeld(file);
  const connected = account !== undefined;
  const isOwner = account !== undefined && account.toLowerCase() === file.owner.toLowerCase();
  const confirmedSet = new Set(confirmers.map((a) => a.toLowerCase()));
  const elected = nodesByElection(nodes);
  const electedSet = new Set(elected.map((n) => n.node.toLowerCase()));
  const formerConfirmers = confirmers.filter((a) => !electedSet.has(a.toLowerCase()));
  // Nodes that confirmed the file hold it: asked first.
  const downloadOrder = [
    ...elected.filter((n) => confirmedSet.has(n.node.toLowerCase())),
    ...elected.filter((n) => !confirmedSet.has(n.node.toLowerCase())),
  ].map((n) => n.endpoint);
  const name = pathName(file.path);
  const state = useFileState(file);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <FilesNav />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight break-all">{name}</h1>
          <FileStatusBadge state={state} />
        </div>
        <p className="text-sm text-slate-400">File #{id.toString()}</p>
        <FileStateNote file={file} state={state} />
      </div>

      <Card title="File">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Item label="Owner">
            <span data-testid="file-owner">
              <AddressText address={file.owner} />
            </span>
          </Item>
          <Item label="Path in the owner’s home directory">
            <span className="font-mono text-xs" data-testid="file-path">
              <SafeText text={file.path} kind="path" />
            </span>
          </Item>
          <div className="min-w-0 sm:col-span-2">
            <dt className="text-slate-400">CID</dt>
            <dd className="mt-0.5">
              <CidText cid={file.cid} testId="file-cid" />
              <span className="mt-1 block text-xs">
                <ExternalLink href={`ipfs://${file.cid}`} showHost={false}>
                  Open with an IPFS-aware browser
                </ExternalLink>
              </span>
            </dd>
          </div>
          <Item label="Size">
            <span data-testid="file-size">
              {formatBytes(file.size)}
              {file.size >= 1024n && <span className="text-slate-400"> ({formatByteCount(file.size)})</span>}
            </span>
          </Item>
          <Item label={held ? 'Deposit held' : 'Deposit (returned)'}>
            <Amount wei={file.deposit} testId="file-deposit" />
          </Item>
          <Item label="Uploaded">
            <DateAt at={file.uploaded_at} />
          </Item>
          <Item label="Deposit withdrawn">
            {held ? <span className="text-slate-400">not withdrawn</span> : <DateAt at={file.withdrawn_at} />}
          </Item>
        </dl>
        {!held && (
          <p className="mt-3 text-sm text-slate-300">
            The deposit was withdrawn: the host nodes no longer keep this file. Copies others made may remain on IPFS.
          </p>
        )}
      </Card>

      <FileConfirmations
        file={file}
        state={state}
        held={held}
        nodeCount={nodes.length}
        elected={elected}
        confirmedSet={confirmedSet}
        formerConfirmers={formerConfirmers}
      />

      {held && (
        <Card title="Download and verify">
          <VerifiedDownloadPanel cid={file.cid} name={name} endpoints={downloadOrder} expectedSize={file.size} />
        </Card>
      )}

      {isOwner && (
        <Card title="Your deposit">
          {held ? (
            <p className="mb-2 text-sm text-slate-300">
              You own this file. Withdrawing returns the whole deposit of <Amount wei={file.deposit} />.
            </p>
          ) : (
            <p className="mb-2 text-sm text-slate-300" data-testid="deposit-returned">
              The deposit of <Amount wei={file.deposit} /> was returned to you.
            </p>
          )}
          <WithdrawAction fileSystem={fileSystem} file={file} />
        </Card>
      )}
      {held && !connected && (
        <p className="text-sm text-slate-400" data-testid="connect-to-withdraw">
          The owner connects a wallet to withdraw the deposit.
        </p>
      )}

      <Link href="/files/" className="inline-block text-sm text-teal-300 underline underline-offset-2">
        ← My files
      </Link>
    </div>
  );
}
