// Host node proposals: capacities in MB, endpoints shown safely, and whether a node is elected now.
import { isAddress, type ContractFunctionReturnType } from 'viem';
import type { callistoFSAbi } from '../../contracts-abi/CallistoFS';
import { formatClo } from '../format/clo';
import { safeLinkUrl } from '../format/links';
import { ProposalKind, type Proposal } from './proposal';

/** The note every capacity in MB carries. */
export { MB_NOTE } from '../files/units';

/** A whole number of MB, grouped: "10,240 MB". */
export function formatMb(mb: bigint): string {
  return `${mb.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} MB`;
}

export interface EndpointDisplay {
  /** The endpoint as stored: always rendered as text. */
  text: string;
  /** The full host (with any port, punycode kept) when the text is a URL with one. */
  host?: string;
  /** A link target, only for an https: URL with a host; an http: endpoint is never a link. */
  href?: string;
}

/**
 * How to show a host node's endpoint, an untrusted string from the chain: as text, with the host it really names
 * beside it, and a link only when it is https: without a user name. The host is the one the URL parser sees, so
 * tricks such as "https://known.org@other.example" show other.example.
 */
export function endpointDisplay(endpoint: string): EndpointDisplay {
  let host: string | undefined;
  let credentials = false;
  try {
    const url = new URL(endpoint);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '') host = url.host;
    credentials = url.username !== '' || url.password !== '';
  } catch {
    // not a URL: shown as text only
  }
  // A URL with a user name is a known disguise: it stays text, with its real host beside it.
  const safe = endpoint.startsWith('https://') && !credentials ? safeLinkUrl(endpoint) : undefined;
  return { text: endpoint, host, href: host && safe ? safe : undefined };
}

/** The change a host node proposal makes, in words (the endpoint stays out: the detail page shows it with its
 * host). "Elect 0x… with 10,240 MB for 10 CLO × 6 epochs" or "Remove 0x…". */
export function describeHostNodeChange(
  p: Pick<Proposal, 'kind' | 'subject' | 'param_value' | 'amount_per_epoch' | 'epochs'>,
): string {
  if (p.kind === ProposalKind.RemoveHostNode) return `Remove ${p.subject}`;
  const epochs = `${p.epochs} epoch${p.epochs === 1 ? '' : 's'}`;
  return `Elect ${p.subject} with ${formatMb(p.param_value)} for ${formatClo(p.amount_per_epoch)} CLO × ${epochs}`;
}

/** One node as the file system's `host_nodes()` returns it, typed from the compiled ABI. */
export type HostNodeInfo = ContractFunctionReturnType<typeof callistoFSAbi, 'view', 'host_nodes'>[number];

/** The file system's MAX_HOST_NODES. */
export const MAX_HOST_NODES = 32;

/** Whether `node` is elected now, from the file system's `host_nodes()`; undefined until read or while the
 * address is not one. */
export function electedHostNode(
  node: string,
  hostNodes: readonly HostNodeInfo[] | undefined,
): HostNodeInfo | null | undefined {
  if (!hostNodes || !isAddress(node.trim(), { strict: false })) return undefined;
  const wanted = node.trim().toLowerCase();
  return hostNodes.find((n) => n.node.toLowerCase() === wanted) ?? null;
}

/**
 * What the form says about the node before sending, from today's elected nodes. Not errors: the file system
 * checks at execution, after the vote, and the set may change by then (a pending removal or election); the
 * author is told that execution would fail if nothing changes.
 */
export function hostNodeNotice(
  action: 'elect' | 'remove',
  node: string,
  hostNodes: readonly HostNodeInfo[] | undefined,
): { tone: 'ok' | 'warning'; text: string } | undefined {
  const elected = electedHostNode(node, hostNodes);
  if (elected === undefined || !hostNodes) return undefined;
  if (action === 'elect') {
    if (elected) {
      return {
        tone: 'warning',
        text: 'This node is elected already: unless it is removed before the vote ends, the file system will refuse the election.',
      };
    }
    if (hostNodes.length >= MAX_HOST_NODES) {
      return {
        tone: 'warning',
        text: `The file system has its maximum of ${MAX_HOST_NODES} host nodes: unless one is removed first, it will refuse the election.`,
      };
    }
    return { tone: 'ok', text: 'Not elected now.' };
  }
  if (elected) {
    return { tone: 'ok', text: `Elected now, with ${formatMb(elected.capacity_mb)}.` };
  }
  return {
    tone: 'warning',
    text: 'This node is not elected now: unless it is elected before the vote ends, the file system will refuse the removal.',
  };
}
