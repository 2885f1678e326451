// Which registry action the connected account may take now, and why not otherwise, mirroring the contract's
// requires so that an enabled button does not revert for a reason the page could have known. No React here.
import { isAddressEqual, type Address } from 'viem';
import { RequestState, awaitingReveal, awaitingSignature, isOpenForReports, reportOf } from './requests';
import { allowed, refused, type ActionState } from '../tx/actionState';
import type { AuditNomination, AuditReport } from './types';

export interface RequestActionInput {
  state: number;
  reports: readonly Pick<AuditReport, 'auditor' | 'signed' | 'revealed'>[];
  account?: Address;
  isManager: boolean;
  isAuditor: boolean;
}

export interface RequestActions {
  approve: ActionState;
  start: ActionState;
  reject: ActionState;
  sign: ActionState;
  reveal: ActionState;
  complete: ActionState;
  commit: ActionState;
}

const stateWords = ['pending', 'approved', 'in progress', 'completed', 'rejected'];

/** Why a manager who wrote a report for a request (as an auditor, before its appointment) cannot sign or reveal. */
export const AUTHOR_REASON =
  'You wrote a report for this request: another manager signs and reveals its reports, so that nobody grades their own work';

/** The actions of a request's page. With no account connected every action is refused with the role it takes, so
 * a visitor sees what the flow is. */
export function requestActions(input: RequestActionInput): RequestActions {
  const { state, reports, account, isManager, isAuditor } = input;
  const now = `The request is ${stateWords[state] ?? 'in an unknown state'}`;
  const manager = (ok: boolean, reason: string): ActionState => {
    if (!account) return refused('Connect a manager’s wallet');
    if (!isManager) return refused('Only a manager may do this');
    return ok ? allowed() : refused(reason);
  };
  const open = isOpenForReports(state);
  const revealable = state === RequestState.InProgress || state === RequestState.Completed;
  const mine = reportOf(reports, account);
  return {
    approve: manager(state === RequestState.Pending, `${now}: only a pending request can be approved`),
    start: manager(state === RequestState.Approved, `${now}: only an approved request can be started`),
    reject: manager(
      state === RequestState.Pending || state === RequestState.Approved,
      `${now}: only a pending or approved request can be rejected`,
    ),
    sign: manager(
      open && !mine && awaitingSignature(reports).length > 0,
      !open
        ? `${now}: reports are signed while it is approved or in progress`
        : mine
          ? AUTHOR_REASON
          : 'Every committed report is signed (or none is committed yet)',
    ),
    reveal: manager(
      revealable && !mine && awaitingReveal(reports).length > 0,
      state === RequestState.Rejected
        ? `${now}: its reports are never revealed and earn nothing`
        : !revealable
          ? `${now}: reports are revealed once it is in progress`
          : mine
            ? AUTHOR_REASON
            : 'No signed report is waiting to be revealed',
    ),
    complete: manager(
      state === RequestState.InProgress && reports.some((r) => r.revealed),
      state === RequestState.InProgress
        ? 'Reveal at least one report first'
        : `${now}: only a request in progress can be completed`,
    ),
    commit: commitAction(state, mine, account, isAuditor),
  };
}

function commitAction(
  state: number,
  mine: Pick<AuditReport, 'signed'> | undefined,
  account: Address | undefined,
  isAuditor: boolean,
): ActionState {
  if (!account) return refused('Connect an auditor’s wallet');
  if (!isAuditor) return refused('Only an auditor may do this');
  if (!isOpenForReports(state)) {
    return refused(
      `The request is ${stateWords[state] ?? 'in an unknown state'}: reports are committed while it is approved or in progress`,
    );
  }
  if (mine?.signed) return refused('Your report is signed: it can no longer be replaced');
  return allowed();
}

/** Why the connected account cannot act as a manager in the console, or undefined when it is one. */
export function managerRefusal(
  account: Address | undefined,
  isManager: boolean,
  owner: Address | undefined,
): string | undefined {
  if (!account) return 'Connect a manager’s wallet to act.';
  if (isManager) return undefined;
  if (owner && isAddressEqual(owner, account)) {
    return 'You are the registry’s owner, not a manager: the owner appoints managers; managers add auditors and triage requests.';
  }
  return 'Your account is not a manager of the registry: only managers add or remove auditors and act on requests.';
}

/** Whether `account` may confirm a nomination now: another manager than the nominating one. */
export function confirmNominationAction(
  nomination: Pick<AuditNomination, 'nominated_by'>,
  account: Address | undefined,
  isManager: boolean,
): ActionState {
  if (!account) return refused('Connect a manager’s wallet');
  if (!isManager) return refused('Only a manager may confirm');
  if (isAddressEqual(nomination.nominated_by, account)) {
    return refused('You nominated this account: another manager must confirm it');
  }
  return allowed();
}

/** Whether `account` may cancel a nomination: any manager, the nominating one included. */
export function cancelNominationAction(account: Address | undefined, isManager: boolean): ActionState {
  if (!account) return refused('Connect a manager’s wallet');
  return isManager ? allowed() : refused('Only a manager may cancel');
}

/** Whether an auditor may claim an ended period now: once, for the karma it earned in a period with a budget. */
export function claimAction(input: {
  account: Address | undefined;
  claimed: boolean | undefined;
  karma: bigint | undefined;
  claimable: bigint | undefined;
}): ActionState {
  if (!input.account) return refused('Connect a wallet');
  if (input.claimed) return refused('Already claimed');
  if (!input.karma) return refused('No karma earned in this period');
  if (!input.claimable) return refused('Nothing to claim: the period had no budget');
  return allowed();
}

/** Whether an ended period's budget can be rolled over now: it has a budget and nobody earned karma in it. */
export function rollOverAction(budget: bigint, totalKarma: bigint): ActionState {
  if (totalKarma > 0n) return refused('Its auditors claim the budget');
  if (budget === 0n) return refused('Nothing to roll over');
  return allowed();
}
