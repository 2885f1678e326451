'use client';

import { useQuery } from '@tanstack/react-query';
import { descriptionSource, loadDescription, type DescriptionResult } from '@/lib/governance/description';
import { Card } from '@/components/ui/primitives';
import { LazyMarkdown } from './LazyMarkdown';
import { ExternalLink } from '@/components/ui/chainDisplay';
import { IpfsLinkThrough } from '@/components/ui/IpfsLink';
import { useHostNodeEndpoints } from '@/components/files/hooks/useHostNodeEndpoints';

/** The proposal's description from its URL, checked against the hash on chain before it is shown as trusted. */
export function ProposalDescription({ url, hash }: { url: string; hash: `0x${string}` }) {
  // An ipfs: description is read through the elected host nodes (whatever a node answers is checked against the
  // hash on chain); an https: one needs no host node, so no read for it.
  const { endpoints: gateways, settled } = useHostNodeEndpoints(url.startsWith('ipfs://'));
  const source = descriptionSource(url, gateways[0]);
  const description = useQuery({
    queryKey: ['governance-description', url, hash, gateways.join(' ')],
    queryFn: async ({ signal }): Promise<DescriptionResult> => {
      const load = (ipfsGateway?: string) =>
        loadDescription(url, hash, {
          fetch: (target, init) =>
            fetch(target, { ...init, signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]) }),
          ipfsGateway,
        });
      if (source.scheme !== 'ipfs' || gateways.length === 0) return load(gateways[0]);
      // One node offline or without the file: ask the next.
      let result: DescriptionResult = { state: 'not-fetched' };
      for (const gateway of gateways) {
        result = await load(gateway);
        if (result.state !== 'unavailable') return result;
      }
      return result;
    },
    enabled: settled,
    // The bytes behind a hash never need a refresh; an unreachable URL is a result, not a failure to retry.
    staleTime: Infinity,
    retry: false,
  });
  const result = description.data;

  return (
    <Card title="Description">
      <dl className="mb-4 space-y-2 text-sm">
        <div>
          <dt className="text-xs tracking-wide text-slate-400 uppercase">Address</dt>
          <dd className="mt-0.5">
            {source.scheme === 'ipfs' ? (
              <>
                <span className="mr-1 text-slate-300">Stored on IPFS:</span>
                <IpfsLinkThrough uri={url} endpoints={gateways} />
              </>
            ) : (
              <ExternalLink href={url} showHost={false}>
                <span className="break-all">{url}</span>
              </ExternalLink>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-400 uppercase">Keccak-256 on chain</dt>
          <dd className="mt-0.5 font-mono text-xs break-all text-slate-300" data-testid="description-hash">
            {hash}
          </dd>
        </div>
      </dl>

      <div role="status" aria-live="polite" data-testid="description-state">
        {description.isPending && <p className="text-sm text-slate-300">Fetching the description…</p>}
        {result?.state === 'not-fetched' && (
          <p className="text-sm text-slate-300">
            Not fetched: the description is stored on IPFS and this network has no elected IPFS host node to read it
            from. Open the link above with an IPFS-capable browser or node, and compare its Keccak-256 with the hash
            above.
          </p>
        )}
        {result?.state === 'unsupported' && (
          <p className="text-sm text-slate-300">
            Not fetched: the address is not an https: or ipfs: URL the app can read.
          </p>
        )}
        {result?.state === 'unavailable' && (
          <p className="text-sm text-slate-300">
            <strong className="font-semibold">Description unavailable</strong>: {result.reason}. The server may be down
            or may not allow other sites to read it; try the link above.
          </p>
        )}
        {result?.state === 'verified' && (
          <p className="inline-flex items-center gap-2 rounded-md border border-emerald-700 bg-emerald-950/60 px-2 py-1 text-sm text-emerald-100">
            <span aria-hidden="true">✓</span> Verified: the text matches the hash on chain
          </p>
        )}
        {result?.state === 'mismatch' && (
          <div className="rounded-md border border-rose-700 bg-rose-950/60 p-3 text-sm text-rose-100">
            <p className="font-semibold">Does not match the hash on chain</p>
            <p className="mt-1">
              The text at this address was changed after the proposal was submitted, or is not the text the author
              committed to. Voters should not rely on it. Its hash is{' '}
              <span className="font-mono text-xs break-all">{result.actualHash}</span>.
            </p>
          </div>
        )}
      </div>

      {(result?.state === 'verified' || result?.state === 'mismatch') && (
        <div
          className={`mt-4 rounded-md p-3 ${result.state === 'mismatch' ? 'border-2 border-dashed border-rose-700' : 'bg-slate-950/40'}`}
        >
          {result.state === 'mismatch' && (
            <p className="mb-2 text-xs font-semibold text-rose-200 uppercase">Unverified text</p>
          )}
          <LazyMarkdown text={result.text} />
        </div>
      )}
    </Card>
  );
}
