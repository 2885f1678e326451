'use client';
import { useId } from 'react';
import {
  electedHostNode,
  endpointDisplay,
  hostNodeNotice,
  MB_NOTE,
  type HostNodeInfo,
} from '@/lib/governance/hostNodes';
import type {
  ElectHostNodeFields as ElectFields,
  RemoveHostNodeFields as RemoveFields,
  SubmitCall,
} from '@/lib/governance/newProposal';
import { byteLength, MAX_ENDPOINT_BYTES } from '@/lib/governance/proposal';
import { EndpointText } from '@/components/governance/pageParts';
import { EpochCountField } from './EpochCountField';
import { TextField } from './TextField';
import type { ShownErrors } from './useShownErrors';
import { Amount } from '@/components/ui/Amount';

/** Today's elected nodes, to say before sending whether the file system would take the change. */
export interface ElectedNodes {
  hostNodes: readonly HostNodeInfo[] | undefined;
  /** Still being read, rather than unreadable. */
  pending: boolean;
}

/** The node of an election or a removal, and what the file system would say about it today. */
function NodeField({
  action,
  node,
  onChange,
  errors,
  elected,
}: {
  action: 'elect' | 'remove';
  node: string;
  onChange(node: string): void;
  errors: ShownErrors;
  elected: ElectedNodes;
}) {
  const id = useId();
  const { hostNodes } = elected;
  const notice = hostNodeNotice(action, node, hostNodes);
  const now = action === 'remove' ? electedHostNode(node, hostNodes) : undefined;
  return (
    <>
      <TextField
        id={`${id}-node`}
        field="node"
        label="Node address"
        code
        placeholder="0x…"
        list={action === 'remove' ? `${id}-elected` : undefined}
        value={node}
        onChange={onChange}
        errors={errors}
        hint={
          action === 'elect'
            ? 'The account the node signs its confirmations with; it receives the salary'
            : 'The elected host node to remove from the file system'
        }
      />
      {action === 'remove' && hostNodes && (
        <datalist id={`${id}-elected`}>
          {hostNodes.map((n) => (
            <option key={n.node} value={n.node} />
          ))}
        </datalist>
      )}
      {notice && (
        <div
          className={`text-sm ${notice.tone === 'warning' ? 'text-amber-200' : 'text-slate-300'}`}
          data-testid="host-node-status"
          role="status"
        >
          <p>{notice.text}</p>
          {now && (
            <p className="mt-0.5">
              Its endpoint: <EndpointText endpoint={now.endpoint} />
            </p>
          )}
        </div>
      )}
      {hostNodes === undefined && (
        <p className="text-xs text-slate-400">
          {elected.pending
            ? 'Reading the elected host nodes…'
            : 'The elected host nodes cannot be read now, so the form cannot say whether this node is elected.'}
        </p>
      )}
    </>
  );
}

/** Elect an IPFS host node: the node, its endpoint and capacity, and its salary. */
export function ElectHostNodeFields({
  fields,
  onChange,
  errors,
  elected,
  call,
}: {
  fields: ElectFields;
  onChange(fields: ElectFields): void;
  errors: ShownErrors;
  elected: ElectedNodes;
  call: SubmitCall | undefined;
}) {
  const id = useId();
  const host = fields.endpoint === '' ? undefined : endpointDisplay(fields.endpoint).host;
  return (
    <>
      <NodeField
        action="elect"
        node={fields.node}
        onChange={(node) => onChange({ ...fields, node })}
        errors={errors}
        elected={elected}
      />
      <TextField
        id={`${id}-endpoint`}
        field="endpoint"
        label="Endpoint URL"
        type="url"
        placeholder="https://node.example.org"
        value={fields.endpoint}
        onChange={(endpoint) => onChange({ ...fields, endpoint })}
        errors={errors}
        hint={
          <>
            {byteLength(fields.endpoint)} of {MAX_ENDPOINT_BYTES} bytes: the http:// or https:// base URL of the node’s
            API, where browsers upload and download.
            {host && (
              <>
                {' '}
                Host: <span data-testid="endpoint-host">{host}</span>
              </>
            )}
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id={`${id}-capacity`}
          field="capacityMb"
          label="Capacity (MB)"
          numeric="numeric"
          placeholder="10240"
          value={fields.capacityMb}
          onChange={(capacityMb) => onChange({ ...fields, capacityMb })}
          errors={errors}
          hint={`Whole MB; ${MB_NOTE}`}
        />
        <TextField
          id={`${id}-salary`}
          field="salaryPerEpoch"
          label="Salary per epoch (CLO)"
          numeric="decimal"
          placeholder="1000"
          value={fields.salaryPerEpoch}
          onChange={(salaryPerEpoch) => onChange({ ...fields, salaryPerEpoch })}
          errors={errors}
        />
        <EpochCountField
          id={`${id}-salary-epochs`}
          field="salaryEpochs"
          label="Salary epochs"
          hint="Paid one epoch at a time from the epoch after the vote, while the node stays elected"
          value={fields.salaryEpochs}
          errors={errors}
          onChange={(salaryEpochs) => onChange({ ...fields, salaryEpochs })}
        />
      </div>
      {call?.functionName === 'submit_host_node_election' && (
        <p className="text-sm text-slate-300" data-testid="salary-total">
          In all, if the node stays elected: <Amount wei={call.args[6] * BigInt(call.args[7])} />
        </p>
      )}
    </>
  );
}

/** Remove an elected IPFS host node. */
export function RemoveHostNodeFields({
  fields,
  onChange,
  errors,
  elected,
}: {
  fields: RemoveFields;
  onChange(fields: RemoveFields): void;
  errors: ShownErrors;
  elected: ElectedNodes;
}) {
  return (
    <>
      <NodeField
        action="remove"
        node={fields.node}
        onChange={(node) => onChange({ ...fields, node })}
        errors={errors}
        elected={elected}
      />
      <p className="text-xs text-slate-400">
        An executed removal also ends the node’s salary: the epochs of its election after the current one are cancelled.
      </p>
    </>
  );
}
