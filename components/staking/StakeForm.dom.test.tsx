// The add-to-stake acknowledgement: adding to a stake mid-round restarts the round, so the form says what that
// costs in figures and sends nothing until the staker accepts it. Rendered as the staking page composes it, with the
// app's own providers and the local dev account, against a real anvil.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseEther, type Address } from 'viem';
import { useAccount, useConnect } from 'wagmi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldStakingAbi, coldStakingBytecode } from '@/contracts-abi/ColdStaking';
import { multicall3Abi, multicall3Bytecode } from '@/contracts-abi/Multicall3';
import { startTestChain, type TestChain } from '@/contracts/test/harness';
import { LOCAL_DEV_ACCOUNT_INDEX } from '@/lib/chain/anvilAccounts';
import { MULTICALL3_ADDRESS } from '@/lib/chain/chains';
import { saveNetworkSettings } from '@/lib/chain/settings';
import { AppProviders } from '@/components/ui/AppProviders';
import { useNetwork } from '@/components/ui/NetworkContext';
import { useAccountFunds } from './hooks/useAccountFunds';
import { useStakingFigures } from './hooks/useStakingFigures';
import { StakeForm } from './StakeForm';

const ROUND = 86_400n;
const MAX_DELAY = 365n * 86_400n;
const MAX_SECONDS_PER_BLOCK = 30n * 86_400n;

function ConnectLocalDevAccount() {
  const { connect, connectors } = useConnect();
  const { address } = useAccount();
  if (address) return <p>connected {address}</p>;
  const localDev = connectors.find((c) => c.id === 'localDevAccount');
  return (
    <button type="button" disabled={!localDev} onClick={() => localDev && connect({ connector: localDev })}>
      Connect the local dev account
    </button>
  );
}

/** The stake form as StakingDashboard mounts it. */
function StakeFormOnPage({ staking }: { staking: Address }) {
  const { address } = useAccount();
  const { chain } = useNetwork();
  const { pool, position } = useStakingFigures(staking, address, chain.id);
  const { balance, gasPrice } = useAccountFunds(address);
  if (!pool || !address || !position) return null;
  return (
    <StakeForm staking={staking} pool={pool} position={position} balance={balance} gasPrice={gasPrice} connected />
  );
}

describe('adding to a stake mid-round', () => {
  let chain: TestChain;
  let staking: Address;
  let me: Address;

  beforeAll(async () => {
    chain = await startTestChain();
    const multicall = await chain.deploy(multicall3Abi, multicall3Bytecode, []);
    const code = await chain.publicClient.getCode({ address: multicall });
    await chain.testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: code! });
    staking = await chain.deploy(coldStakingAbi, coldStakingBytecode, [
      ROUND,
      MAX_DELAY,
      MAX_SECONDS_PER_BLOCK,
      chain.accounts[0]!.address,
    ]);
    me = chain.accounts[LOCAL_DEV_ACCOUNT_INDEX]!.address;
    // A three-round stake, one and a half rounds old, with block rewards in the pool: a top-up now pays the
    // completed round and forfeits the half round in progress.
    await chain.write(LOCAL_DEV_ACCOUNT_INDEX, {
      address: staking,
      abi: coldStakingAbi,
      functionName: 'start_staking',
      args: [3n],
      value: parseEther('100'),
    });
    await chain.setBalance(staking, parseEther('100') + parseEther('50'));
    await chain.increaseTime((3n * ROUND) / 2n);
    saveNetworkSettings(window.localStorage, { network: 'local', rpcUrl: chain.rpcUrl });
  });
  afterAll(async () => {
    window.localStorage.clear();
    await chain?.stop();
  });

  it('says what the top-up forfeits and sends nothing until the staker accepts it', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders>
        <ConnectLocalDevAccount />
        <StakeFormOnPage staking={staking} />
      </AppProviders>,
    );
    await user.click(await screen.findByRole('button', { name: 'Connect the local dev account' }));
    await screen.findByText(/^connected 0x/);
    await user.type(await screen.findByLabelText('Amount (CLO)', undefined, { timeout: 20_000 }), '1');

    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(
      /then restarts your current round: its 12 h so far earn nothing, about [\d.]+ CLO/,
    );
    const [lostTime] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'add_stake_loss',
      args: [me],
    });
    expect(lostTime).toBe(ROUND / 2n);

    const nonce = await chain.publicClient.getTransactionCount({ address: me });
    const add = screen.getByRole('button', { name: 'Add to stake' });
    await user.click(add);
    expect(add).toHaveProperty('disabled', true);
    expect(await chain.publicClient.getTransactionCount({ address: me })).toBe(nonce);

    await user.click(screen.getByRole('checkbox', { name: 'I understand and want to add now.' }));
    expect(add).toHaveProperty('disabled', false);
    await user.click(add);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Staked 1 CLO/), { timeout: 20_000 });
    expect(await chain.publicClient.getTransactionCount({ address: me })).toBe(nonce + 1);
    const [amount] = await chain.publicClient.readContract({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'staker',
      args: [me],
    });
    expect(amount).toBe(parseEther('101'));
  });
});
