'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { chainsByNetwork, type NetworkKey } from '@/lib/chain/chains';
import { availableNetworks, checkRpcUrl, defaultRpcUrl, validateRpcUrl } from '@/lib/chain/settings';
import { useNetwork } from './NetworkContext';
import { Button } from './primitives';
import { useIsClient } from './useIsClient';

export function SettingsDialog() {
  const { settings, chain, changeNetwork } = useNetwork();
  const isClient = useIsClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [network, setNetwork] = useState<NetworkKey>(settings.network);
  const [rpcUrl, setRpcUrl] = useState(settings.rpcUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const ids = { title: useId(), network: useId(), rpc: useId(), rpcHelp: useId(), error: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const url = rpcUrl.trim();
    if (url) {
      const invalid = validateRpcUrl(url);
      if (invalid) return setError(invalid);
      setChecking(true);
      const check = await checkRpcUrl(url, chainsByNetwork[network].id);
      setChecking(false);
      if (!check.ok) return setError(check.message);
    }
    changeNetwork({ network, rpcUrl: url || undefined });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        <span aria-hidden="true" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-teal-400" />
        {isClient ? chain.name : 'Network'}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={ids.title}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-700 bg-slate-900 p-5 text-slate-100 backdrop:bg-black/60"
      >
        <form onSubmit={submit} noValidate>
          <h2 id={ids.title} className="text-lg font-semibold">
            Network settings
          </h2>
          <p className="mt-1 text-sm text-slate-400">Kept in this browser only.</p>
          <label htmlFor={ids.network} className="mt-4 block text-sm font-medium">
            Network
          </label>
          <select
            id={ids.network}
            value={network}
            onChange={(e) => setNetwork(e.target.value as NetworkKey)}
            className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2"
          >
            {availableNetworks().map((key) => (
              <option key={key} value={key}>
                {chainsByNetwork[key].name} (chain {chainsByNetwork[key].id})
              </option>
            ))}
          </select>
          <label htmlFor={ids.rpc} className="mt-4 block text-sm font-medium">
            Your own RPC URL <span className="font-normal text-slate-400">(optional)</span>
          </label>
          <input
            id={ids.rpc}
            type="url"
            inputMode="url"
            value={rpcUrl}
            onChange={(e) => setRpcUrl(e.target.value)}
            placeholder={defaultRpcUrl(network)}
            aria-describedby={`${ids.rpcHelp}${error ? ` ${ids.error}` : ''}`}
            aria-invalid={error ? true : undefined}
            className="mt-1 w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 font-mono text-sm"
          />
          <p id={ids.rpcHelp} className="mt-1 text-xs text-slate-400">
            Checked before saving: it must answer for chain {chainsByNetwork[network].id}.
          </p>
          {error && (
            <p id={ids.error} role="alert" className="mt-2 text-sm text-rose-300">
              {error}
            </p>
          )}
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={checking}>
              {checking ? 'Checking…' : 'Save and reload'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
