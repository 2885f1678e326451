'use client';
import type { ProposalKindChoice } from '@/lib/governance/newProposal';

/** The kinds of proposal, each offered only where the chain has the contract that would carry it out. */
export function KindChoice({
  kind,
  onChange,
  hasAuditRegistry,
  hasFileSystem,
}: {
  kind: ProposalKindChoice;
  onChange(kind: ProposalKindChoice): void;
  hasAuditRegistry: boolean | undefined;
  hasFileSystem: boolean | undefined;
}) {
  const kinds: (readonly [ProposalKindChoice, string])[] = [
    ['funding', 'Funding'],
    ['parameter', 'Parameter change'],
    ...(hasAuditRegistry ? ([['auditManager', 'Audit manager']] as const) : []),
    ...(hasFileSystem
      ? ([
          ['electHostNode', 'Elect an IPFS host node'],
          ['removeHostNode', 'Remove an IPFS host node'],
        ] as const)
      : []),
  ];
  return (
    <fieldset>
      <legend className="text-sm font-medium">Kind</legend>
      <div className="mt-2 flex flex-wrap gap-4 text-sm">
        {kinds.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => onChange(value)} />
            {label}
          </label>
        ))}
      </div>
      {hasAuditRegistry === false && (
        <p className="mt-2 text-xs text-slate-400" data-testid="no-audit-registry">
          Audit manager proposals are not offered: this network has no audit registry for them to act on.
        </p>
      )}
      {hasFileSystem === false && (
        <p className="mt-2 text-xs text-slate-400" data-testid="no-file-system">
          IPFS host node proposals and storage prices are not offered: this network has no Callisto File System for them
          to act on.
        </p>
      )}
    </fieldset>
  );
}
