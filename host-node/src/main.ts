// `npm run host-node`: starts one host node from its HOST_NODE_* settings and stops it cleanly on Ctrl-C or
// SIGTERM (a second signal exits at once).
import { ConfigError, loadConfigFromEnv } from './config';
import { describeError } from './log';
import { startHostNode } from './node';

async function main(): Promise<void> {
  // A log reader that went away (a closed pipe) must not take the node down with it.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  let config;
  try {
    config = loadConfigFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`host node: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const node = await startHostNode(config);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`${new Date().toISOString()} ${signal}: stopping the host node\n`);
    node.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`host node: stopping failed: ${describeError(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`host node: ${describeError(error)}\n`);
  process.exit(1);
});
