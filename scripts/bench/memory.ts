// Peak memory of processes during a bench step, from /proc (Linux): resident set size sampled every 50 ms.
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of one process in bytes, or 0 once it is gone. */
export function readRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: the parent pid follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** A process and every process below it (`npm run host-node` is tsx's launcher and the node it starts). */
export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Chromium's renderer processes: where a tab's page runs. */
export function rendererPids(): number[] {
  return allPids().filter((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/** Samples, every 50 ms, the largest RSS among the processes `pids()` names; stop() gives the peak seen. */
export function startRssSampler(pids: () => number[]): { stop(): Promise<number> } {
  let peak = 0;
  const sample = () => {
    for (const pid of pids()) peak = Math.max(peak, readRss(pid));
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    async stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The host node's own peak RSS, as its /metrics reports it (process.resourceUsage().maxRSS), when it does. */
export async function peakRss(endpoint: string): Promise<number | undefined> {
  const text = await (await fetch(`${endpoint}/metrics`)).text();
  const value = /^callisto_host_node_peak_rss_bytes (\d+)/m.exec(text)?.[1];
  return value === undefined ? undefined : Number(value);
}
