'use client';

import { useEffect, useState } from 'react';
import { ipfsGatewayUrl } from '@/lib/files/ipfsUri';
import { endpointHost } from '@/lib/files/links';
import { SafeText } from '@/components/ui/SafeText';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';

/** How long "Copied" stays beside the button. */
const COPIED_FOR_MS = 2_000;

/** The gateway link of `uri` on the first of `endpoints` that can give one. */
function gatewayOf(uri: string, endpoints: readonly string[]): { url: string; host: string } | undefined {
  for (const endpoint of endpoints) {
    const url = ipfsGatewayUrl(endpoint, uri);
    if (url) return { url, host: endpointHost(endpoint) };
  }
  return undefined;
}

/** An ipfs:// address opened through the network's elected host nodes (none while they are read, or where the
 * file system is not deployed: the address and its copy button remain). */
export function IpfsLink({ uri }: { uri: string }) {
  const fs = useFileSystem();
  const nodes = useHostNodes(fs?.address).data;
  return <IpfsLinkThrough uri={uri} endpoints={nodes?.map((node) => node.endpoint) ?? []} />;
}

/**
 * An `ipfs://` address as a browser can use it. A browser does nothing with ipfs:, so the address opens through an
 * elected host node's gateway (the node named beside it; nodes verify what they serve against the CID), and the
 * ipfs:// form is one click from the clipboard for an IPFS-capable browser or node. The address comes from the
 * chain and is shown as text, whole.
 */
export function IpfsLinkThrough({ uri, endpoints }: { uri: string; endpoints: readonly string[] }) {
  const gateway = gatewayOf(uri, endpoints);
  const [copied, setCopied] = useState<'copied' | 'failed' | undefined>(undefined);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(undefined), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(uri);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  const text = (
    <span className="font-mono text-xs">
      <SafeText text={uri} kind="url" />
    </span>
  );
  return (
    <span className="inline-flex max-w-full flex-wrap items-baseline gap-x-2 gap-y-1" data-testid="ipfs-link">
      {gateway ? (
        <a
          href={gateway.url}
          target="_blank"
          rel="noreferrer noopener"
          className="min-w-0 text-teal-300 underline underline-offset-2"
        >
          {text}
          <span className="ml-1 text-xs text-slate-400">(via host node {gateway.host})</span>
          <span className="sr-only">, opens in a new tab</span>
        </a>
      ) : (
        <span className="min-w-0">{text}</span>
      )}
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded border border-slate-700 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-teal-400 focus-visible:outline-none"
      >
        Copy ipfs:// link
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-400">
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Could not copy: select the address instead' : ''}
      </span>
    </span>
  );
}
