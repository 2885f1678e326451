// One line per event, prefixed with the time, on stdout: what an operator reads in `journalctl` or a terminal.
export type Log = (line: string) => void;

export const stdoutLog: Log = (line) => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

/** An error as one readable line, without a stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as { shortMessage?: string }).shortMessage;
    return (short ?? error.message).split('\n')[0] ?? String(error);
  }
  return String(error);
}
