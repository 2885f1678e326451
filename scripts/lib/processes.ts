// Child processes that stop together: when one dies, or on Ctrl-C, every other one is stopped and the
// reason is printed, so `npm run dev` never leaves an orphan holding a port.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ManagedChild {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedChild {
  // A process group of its own, so that stopping it also stops whatever it started (next dev's workers).
  const child = spawn(command, args, { stdio: 'inherit', detached: true, ...options });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Calls `onExit` with a description the first time any of the children exits. */
export function watchChildren(children: ManagedChild[], onExit: (message: string) => void): void {
  let reported = false;
  for (const { name, child } of children) {
    child.once('exit', (code, signal) => {
      if (reported) return;
      reported = true;
      onExit(`${name} exited ${signal ? `on ${signal}` : `with code ${code}`}`);
    });
  }
}
