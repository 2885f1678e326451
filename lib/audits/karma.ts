// The karma formula of contracts/AuditRegistry.sol, for the app (previews of a reveal) and the property test.
// Bigint arithmetic with the contract's integer semantics: the same inputs give the same karma, to the unit.
//
//   gross   = karma_per_kb * ceil(complexity_bytes / 1024)
//   penalty = error_penalty * errors
//   karma   = gross > penalty ? gross - penalty : 0

/** The registry's karma parameters (its immutables `karma_per_kb` and `error_penalty`). */
export interface KarmaParameters {
  karmaPerKb: bigint;
  errorPenalty: bigint;
}

/** Bytes of a KiB: complexity is counted in started KiB. */
export const KIB = 1024n;

/** Started KiB of `complexityBytes`: ceil(complexityBytes / 1024), 0 for 0. */
export function startedKib(complexityBytes: bigint): bigint {
  if (complexityBytes < 0n) throw new RangeError('complexity cannot be negative');
  return (complexityBytes + KIB - 1n) / KIB;
}

/** The karma a revealed report earns (the contract's `karma_for`). */
export function karmaFor(params: KarmaParameters, complexityBytes: bigint, errors: bigint): bigint {
  if (errors < 0n) throw new RangeError('errors cannot be negative');
  const gross = params.karmaPerKb * startedKib(complexityBytes);
  const penalty = params.errorPenalty * errors;
  return gross > penalty ? gross - penalty : 0n;
}
