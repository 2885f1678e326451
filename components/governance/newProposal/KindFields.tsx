'use client';
import type { KindFields, SubmitCall } from '@/lib/governance/newProposal';
import { AuditManagerFields } from './AuditManagerFields';
import { FundingFields } from './FundingFields';
import { ElectHostNodeFields, RemoveHostNodeFields, type ElectedNodes } from './HostNodeFields';
import { ParameterFields, type ParameterValues } from './ParameterFields';
import type { ShownErrors } from './useShownErrors';

/** The fields of the kind chosen: one component a kind. */
export function KindFieldsFor({
  asks,
  onChange,
  errors,
  call,
  staking,
  now,
  currentParameters,
  hasFileSystem,
  elected,
}: {
  asks: KindFields;
  onChange(asks: KindFields): void;
  errors: ShownErrors;
  call: SubmitCall | undefined;
  staking: string | undefined;
  now: ParameterValues;
  currentParameters: Partial<Record<number, bigint>>;
  hasFileSystem: boolean | undefined;
  elected: ElectedNodes;
}) {
  switch (asks.kind) {
    case 'funding':
      return <FundingFields fields={asks} onChange={onChange} errors={errors} call={call} staking={staking} />;
    case 'parameter':
      return (
        <ParameterFields
          fields={asks}
          onChange={onChange}
          errors={errors}
          now={now}
          currentParameters={currentParameters}
          hasFileSystem={hasFileSystem}
        />
      );
    case 'auditManager':
      return <AuditManagerFields fields={asks} onChange={onChange} errors={errors} />;
    case 'electHostNode':
      return <ElectHostNodeFields fields={asks} onChange={onChange} errors={errors} elected={elected} call={call} />;
    case 'removeHostNode':
      return <RemoveHostNodeFields fields={asks} onChange={onChange} errors={errors} elected={elected} />;
  }
}
