import { describe, expect, it } from 'vitest';
import { callistoLocal } from './chains';
import { appConnectors, injectedProviderPresent } from './wallets';

const base = { chain: callistoLocal, rpcUrl: 'http://127.0.0.1:8545', isLocalChain: false };

describe('the wallets offered', () => {
  it('sees an extension only when it put a provider at window.ethereum', () => {
    expect(injectedProviderPresent({})).toBe(false);
    expect(injectedProviderPresent({ ethereum: null })).toBe(false);
    expect(injectedProviderPresent({ ethereum: { request: () => undefined } })).toBe(true);
    expect(injectedProviderPresent(undefined)).toBe(false);
  });

  it('offers the generic browser wallet only with an extension present, so it never waits for a missing one', () => {
    expect(appConnectors({ ...base, injectedPresent: false })).toHaveLength(0);
    expect(appConnectors({ ...base, injectedPresent: true })).toHaveLength(1);
  });

  it('keeps the local dev account on the local chain, with or without an extension', () => {
    expect(appConnectors({ ...base, isLocalChain: true, injectedPresent: false })).toHaveLength(1);
    expect(appConnectors({ ...base, isLocalChain: true, injectedPresent: true })).toHaveLength(2);
  });
});
