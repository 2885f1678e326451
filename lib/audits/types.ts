// The registry's records as viem decodes them, derived from the compiled ABI (never written again by hand), so a
// change of the contract's structs shows up here as a type error where the app reads them.
import type { ContractFunctionName, ContractFunctionReturnType } from 'viem';
import type { auditRegistryAbi } from '../../contracts-abi/AuditRegistry';

type RegistryView<name extends ContractFunctionName<typeof auditRegistryAbi, 'view'>> = ContractFunctionReturnType<
  typeof auditRegistryAbi,
  'view',
  name
>;

/** The contract's `Request` (uint8 and uint16 as numbers, uint256 as bigint). */
export type AuditRequest = RegistryView<'get_request'>;

/** The contract's `Report`: one auditor's commitment on a request, signed and revealed by a manager. */
export type AuditReport = RegistryView<'get_reports'>[number];

/** The contract's `Member` (a manager or an auditor). */
export type AuditMember = RegistryView<'get_auditors'>[number];

/** The contract's `Nomination`: an auditor proposed by one manager, waiting for another's confirmation. */
export type AuditNomination = RegistryView<'get_nominations'>[number];

/** Findings by severity, as the contract's `Severity`. */
export type SeverityCounts = AuditRequest['severity'];
