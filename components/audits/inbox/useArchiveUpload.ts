'use client';

import { useCallback, useState } from 'react';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';
import type { UploadProgress } from '@/lib/files/hostNodeClient';

export type ArchiveUploadState =
  | { step: 'idle' }
  | { step: 'uploading'; progress: UploadProgress | undefined }
  | { step: 'done'; endpoint: string }
  | { step: 'failed'; message: string };

/**
 * Sends a revealed report's plaintext to the elected host nodes, once the reveal has registered it on the file
 * system (a node keeps only what the chain registered). One node suffices: the others copy it from that one. The
 * node must compute the same CID as the browser, or the upload is refused.
 */
export function useArchiveUpload() {
  const fs = useFileSystem();
  const nodes = useHostNodes(fs?.address);
  const endpoints = nodes.data?.map((node) => node.endpoint);
  const [state, setState] = useState<ArchiveUploadState>({ step: 'idle' });

  const upload = useCallback(
    async (plaintext: Uint8Array, cid: string) => {
      setState({ step: 'uploading', progress: undefined });
      try {
        const { uploadToHostNodes } = await import('@/lib/files/hostNodeClient');
        const file = new Blob([new Uint8Array(plaintext)]);
        const result = await uploadToHostNodes(endpoints ?? [], [{ path: 'report', file }], {
          expectedCid: cid,
          onProgress: (progress) => setState({ step: 'uploading', progress }),
        });
        setState({ step: 'done', endpoint: result.endpoint });
      } catch (error) {
        setState({ step: 'failed', message: (error as Error).message });
      }
    },
    [endpoints],
  );
  const reset = useCallback(() => setState({ step: 'idle' }), []);
  return { state, upload, reset, nodesKnown: endpoints !== undefined };
}
