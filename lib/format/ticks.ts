// Axis ticks at round values (1, 2 or 5 times a power of ten), shared by every chart so their axes read alike.
// Plot coordinates only: amounts stay bigint until the chart converts them at the plot.

export interface NiceTicks {
  /** The tick values, low to high. */
  values: number[];
  /** The distance between two ticks. */
  step: number;
  /** The axis range: [min, max] widened outward to whole steps when `extend`, else [min, max] as given. */
  domain: [number, number];
}

/** A round step (1, 2 or 5 x 10^n) giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

/** Decimals a multiple of `step` needs, so 3 x 0.1 is written 0.3 and not 0.30000000000000004. */
function decimalsOf(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step)) + 1);
}

/**
 * About `count` ticks at round values over [min, max]. `extend` (the default) widens the range to the ticks
 * around it, as a value axis wants (0 to 1,000 for data up to 937); off, the range stays and only the ticks
 * inside it are returned, as a round or percentage axis wants. `integer` keeps steps whole (rounds, counts).
 * An empty or reversed range becomes one step wide.
 */
export function niceTicks(
  min: number,
  max: number,
  count = 5,
  options: { extend?: boolean; integer?: boolean } = {},
): NiceTicks {
  const { extend = true, integer = false } = options;
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('niceTicks: min and max must be finite');
  let step = niceStep(max - min, count);
  if (integer) step = Math.max(1, Math.round(step));
  if (!(max > min)) max = min + step;
  const first = extend ? Math.floor(min / step + 1e-9) : Math.ceil(min / step - 1e-9);
  const last = extend ? Math.ceil(max / step - 1e-9) : Math.floor(max / step + 1e-9);
  const decimals = integer ? 0 : decimalsOf(step);
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(Number((k * step).toFixed(decimals)));
  const domain: [number, number] = extend ? [values[0]!, values[values.length - 1]!] : [min, max];
  return { values, step, domain };
}
