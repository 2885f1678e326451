// `npm run deploy -- [--rpc-url URL] [--private-key KEY]`: deploys every contract and writes
// contracts-abi/deployments/<chainId>.json. Defaults: the local anvil and its first funded key.
// Environment: RPC_URL and DEPLOYER_PRIVATE_KEY do the same as the flags.
import { parseArgs } from 'node:util';
import { isHex } from 'viem';
import { anvilPrivateKeys } from '../lib/chain/anvilAccounts';
import { deployAll, DeployError } from './lib/deploy';

const { values } = parseArgs({
  options: { 'rpc-url': { type: 'string' }, 'private-key': { type: 'string' } },
});
const rpcUrl = values['rpc-url'] ?? process.env.RPC_URL ?? 'http://127.0.0.1:8545';
const privateKey = values['private-key'] ?? process.env.DEPLOYER_PRIVATE_KEY ?? anvilPrivateKeys[0];

async function main(): Promise<number> {
  if (!isHex(privateKey) || privateKey.length !== 66) {
    console.error('deploy: the private key must be 0x followed by 64 hex digits');
    return 1;
  }
  try {
    const result = await deployAll({ rpcUrl, privateKey, log: (line) => console.log(line) });
    console.log(`Wrote contracts-abi/deployments/${result.chainId}.json`);
    return 0;
  } catch (error) {
    if (error instanceof DeployError) {
      console.error(`deploy: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
