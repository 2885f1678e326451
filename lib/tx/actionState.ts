// Whether an action can be taken now, and if not, why, in words shown next to its disabled button. Every feature's
// action rules return this one type, so every action piece renders a refusal the same way.

export type ActionState = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: ActionState = Object.freeze({ allowed: true });

/** The action can be taken now. */
export function allowed(): ActionState {
  return ALLOWED;
}

/** The action cannot be taken now, for `reason` (a sentence a person can act on: "Voting opens at …"). */
export function refused(reason: string): ActionState {
  if (reason.trim() === '') throw new Error('A refused action needs a reason the user can read');
  return { allowed: false, reason };
}

/** The first refusal among `states`, or allowed when none refuses: checks listed in the order a user fixes them. */
export function firstRefusal(...states: ActionState[]): ActionState {
  return states.find((state) => !state.allowed) ?? ALLOWED;
}

/** Why `state` is refused, or undefined when it is allowed. */
export function refusalOf(state: ActionState): string | undefined {
  return state.allowed ? undefined : state.reason;
}
