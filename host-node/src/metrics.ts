// Counters kept in memory since start, and the gauges read when /metrics is scraped, in Prometheus' text format.
export interface Gauges {
  storedBytes: bigint;
  filesPinned: number;
  pendingFiles: number;
  stagedUploads: number;
  replicationLagBlocks: bigint;
}

export class Metrics {
  uploadsTotal = 0;
  confirmationsTotal = 0;
  replicatedTotal = 0;
  refusedTotal = 0;
  expiredUploadsTotal = 0;
  eventsTotal = 0;

  render(gauges: Gauges): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'counter' | 'gauge', help: string, value: number | bigint) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value.toString()}`);
    };
    metric('callisto_host_node_stored_bytes', 'gauge', 'Bytes of blocks in the store.', gauges.storedBytes);
    metric('callisto_host_node_files_pinned', 'gauge', 'Content roots pinned for on-chain files.', gauges.filesPinned);
    metric(
      'callisto_host_node_pending_files',
      'gauge',
      'On-chain files not yet held and confirmed.',
      gauges.pendingFiles,
    );
    metric(
      'callisto_host_node_staged_uploads',
      'gauge',
      'Unregistered uploads in their grace period.',
      gauges.stagedUploads,
    );
    metric(
      'callisto_host_node_replication_lag_blocks',
      'gauge',
      'Blocks between the chain head and the last block whose events were handled.',
      gauges.replicationLagBlocks,
    );
    metric('callisto_host_node_uploads_total', 'counter', 'Uploads stored since start.', this.uploadsTotal);
    metric(
      'callisto_host_node_confirmations_total',
      'counter',
      'confirm() transactions sent since start.',
      this.confirmationsTotal,
    );
    metric(
      'callisto_host_node_replicated_total',
      'counter',
      'Files fetched from other host nodes since start.',
      this.replicatedTotal,
    );
    metric(
      'callisto_host_node_refused_total',
      'counter',
      'On-chain files refused since start (content does not match the registered size, or is not UnixFS).',
      this.refusedTotal,
    );
    metric(
      'callisto_host_node_expired_uploads_total',
      'counter',
      'Unregistered uploads removed after the grace period since start.',
      this.expiredUploadsTotal,
    );
    metric(
      'callisto_host_node_events_total',
      'counter',
      'FileUpload and FileWithdrawn events handled since start.',
      this.eventsTotal,
    );
    metric(
      'callisto_host_node_peak_rss_bytes',
      'gauge',
      'Peak resident memory of the process.',
      process.resourceUsage().maxRSS * 1024,
    );
    return `${lines.join('\n')}\n`;
  }
}
