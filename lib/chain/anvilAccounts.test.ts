import { describe, expect, it } from 'vitest';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { ANVIL_MNEMONIC, anvilPrivateKeys } from './anvilAccounts';

describe('anvil default accounts', () => {
  it('are the accounts anvil derives from its test mnemonic', () => {
    anvilPrivateKeys.forEach((key, addressIndex) => {
      expect(privateKeyToAccount(key).address).toBe(mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex }).address);
    });
  });
});
