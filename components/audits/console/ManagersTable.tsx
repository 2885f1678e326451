'use client';

import type { Address } from 'viem';
import { AddressText } from '@/components/ui/AddressText';
import { DataTable } from '@/components/ui/DataTable';
import { Card } from '@/components/ui/primitives';
import { useManagers } from '../hooks/useMembers';
import { SafeText } from '@/components/ui/SafeText';

/** The managers, current and dismissed. */
export function ManagersTable({ registry }: { registry: Address }) {
  const managers = useManagers(registry).data;
  return (
    <Card title="Managers">
      {managers === undefined ? (
        <p className="text-sm text-slate-300">Loading…</p>
      ) : managers.length === 0 ? (
        <p className="text-sm text-slate-300">No manager is appointed yet.</p>
      ) : (
        <DataTable caption="Managers" columns={[{ label: 'Manager' }, { label: 'Contact' }, { label: 'Role' }]}>
          {managers.map((m) => (
            <tr key={m.account}>
              <td className="py-2 pr-4">
                <AddressText address={m.account} />
              </td>
              <td className="py-2 pr-4">
                <SafeText text={m.contact} kind="name" />
              </td>
              <td className="py-2">{m.active_role ? 'Manager' : 'Dismissed'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
