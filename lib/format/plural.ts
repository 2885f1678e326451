/**
 * A count with its noun, singular for one and plural otherwise: "1 round", "3 rounds", "1,200 epochs". Copy says
 * "3 rounds", never "3 round(s)". The plural defaults to the noun with an "s"; pass it when English wants another.
 */
export function plural(count: number | bigint, one: string, many = `${one}s`): string {
  const n = typeof count === 'bigint' ? count : BigInt(count);
  return `${count.toLocaleString('en-US')} ${n === 1n || n === -1n ? one : many}`;
}
