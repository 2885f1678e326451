import { describe, expect, it } from 'vitest';
import { defaultRpcUrl } from './settings';

describe('defaultRpcUrl', () => {
  it("follows the build's RPC URL for the build's network, so a stack on another port is named as it runs", () => {
    const build = { network: 'local' as const, rpcUrl: 'http://127.0.0.1:9545' };
    expect(defaultRpcUrl('local', build)).toBe('http://127.0.0.1:9545');
    // Another network keeps its public RPC.
    expect(defaultRpcUrl('callisto', build)).toBe('https://rpc.callisto.network/');
  });

  it("is the network's own RPC when the build sets none", () => {
    expect(defaultRpcUrl('local', { network: 'local', rpcUrl: undefined })).toBe('http://127.0.0.1:8545');
    expect(defaultRpcUrl('callisto', { network: 'callisto', rpcUrl: 'https://my.rpc.example/' })).toBe(
      'https://my.rpc.example/',
    );
  });
});
