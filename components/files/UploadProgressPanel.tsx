import Link from 'next/link';
import { fileHref, endpointHost } from '@/lib/files/links';
import { formatBytes } from '@/lib/files/units';
import type { RegisteredUpload, SendStep } from '@/lib/files/uploadFlow';
import { Button } from '@/components/ui/primitives';
import { ProgressBar } from '@/components/files/pageParts';

/** After the deposit is paid: where the bytes are going, each node that failed, and what can be done next. */
export function UploadProgressPanel({
  registered,
  send,
  notes,
  onRetry,
  onCancel,
  onAnother,
}: {
  registered: RegisteredUpload;
  send: SendStep;
  notes: readonly string[];
  onRetry(): void;
  onCancel(): void;
  onAnother(): void;
}) {
  const over = send.phase === 'sent' || send.phase === 'failed' || send.phase === 'cancelled';
  return (
    <div className="mt-4 space-y-3 rounded-md border border-slate-800 p-3 text-sm" data-testid="upload-panel">
      <p>
        Registered on chain
        {registered.id !== undefined && (
          <>
            {' '}
            as{' '}
            <Link
              href={fileHref(registered.id)}
              className="text-teal-300 underline underline-offset-2"
              data-testid="uploaded-file-link"
            >
              file #{registered.id.toString()}
            </Link>
          </>
        )}
        .
      </p>
      {notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-amber-200" data-testid="upload-node-notes" aria-live="polite">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {send.phase === 'sending' && (
          <>
            <ProgressBar
              label={`Uploading to ${endpointHost(send.progress.endpoint)}`}
              value={send.progress.loaded}
              max={send.progress.total}
              detail={
                send.progress.waitingSeconds !== undefined
                  ? `The node is busy: trying it again in ${send.progress.waitingSeconds} s, as it asked`
                  : send.progress.total !== undefined
                    ? `${formatBytes(BigInt(send.progress.loaded))} of ${formatBytes(BigInt(send.progress.total))} sent`
                    : 'Starting…'
              }
              testId="upload-progress"
            />
            <Button variant="secondary" className="mt-2" onClick={onCancel}>
              Cancel the upload
            </Button>
          </>
        )}
        {send.phase === 'sent' && (
          <p className="text-emerald-200" data-testid="upload-result">
            Uploaded to {endpointHost(send.endpoint)}. The host nodes now copy it from each other and confirm it on
            chain.
          </p>
        )}
        {(send.phase === 'failed' || send.phase === 'cancelled') && (
          <div role="alert" className="space-y-2" data-testid="upload-failed">
            <p className="text-rose-200">
              {send.phase === 'cancelled' ? 'The upload was cancelled.' : send.message} The file is registered and its
              deposit is held: send it again, or withdraw the deposit from your files.
            </p>
            <Button onClick={onRetry} data-testid="upload-retry">
              Send the file again
            </Button>
          </div>
        )}
      </div>
      {over && (
        <Button variant="secondary" onClick={onAnother}>
          Upload another
        </Button>
      )}
    </div>
  );
}
