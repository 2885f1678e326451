import { formatUnits } from 'viem';
import { NO_PRICE } from '@/lib/files/pricing';
import { CURVE_END_PERCENT, type CurvePoint } from '@/lib/files/priceCurve';
import { formatBps, formatPricePerMb, utilisationBps } from '@/lib/files/units';

const WIDTH = 520;
const HEIGHT = 280;
const MARGIN = { top: 20, right: 20, bottom: 48, left: 76 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const axisNumber = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });

/** A round step (1, 2, 5 x 10^n) that gives about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Every tenth of capacity up to 90% and the point now: the rows of the table for screen readers. */
function tableRows(points: CurvePoint[], capacity: bigint, now: CurvePoint): { label: string; point: CurvePoint }[] {
  const rows: { label: string; point: CurvePoint }[] = [];
  for (let t = 0; t <= 9; t++) {
    const used = (capacity * BigInt(t)) / 10n;
    const point = points.find((p) => p.usedBytes === used);
    if (point) rows.push({ label: `${t * 10}%`, point });
  }
  rows.push({ label: `${formatBps(utilisationBps(now.usedBytes, capacity))} (now)`, point: now });
  return rows.sort((a, b) =>
    a.point.usedBytes < b.point.usedBytes ? -1 : a.point.usedBytes > b.point.usedBytes ? 1 : 0,
  );
}

/**
 * Price per MB against used capacity (0–100 %), the current point marked. The curve has no bound at full capacity:
 * the plot's height is the price at 90% (or now, when higher), and the curve leaves the top of the plot past it. Amounts are bigint wei up to here;
 * they become numbers only for the coordinates. The picture has a one-sentence description, and a table with the
 * figures follows it for screen readers.
 */
export function PriceCurveChart({
  points,
  now,
  capacity,
}: {
  points: CurvePoint[];
  now: CurvePoint;
  capacity: bigint;
}) {
  if (points.length === 0 || capacity === 0n) {
    return <p className="text-sm text-slate-400">No host node is elected: there is no capacity to price yet.</p>;
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const nowBps = utilisationBps(now.usedBytes, capacity);
  // Use can exceed capacity after a node is removed: the axis then stretches to show the point.
  const xMaxPercent = Math.max(100, Math.ceil(nowBps / 100));
  const clo = (wei: bigint) => Number(formatUnits(wei, 18));
  const ninety = points.find((p) => p.usedBytes === (capacity * 9n) / 10n) ?? last;
  const nowPrice = now.pricePerMb === NO_PRICE ? undefined : clo(now.pricePerMb);
  const maxPrice = Math.max(
    clo(ninety.pricePerMb),
    Math.min(nowPrice ?? 0, clo(last.pricePerMb)),
    clo(first.pricePerMb),
  );
  const yStep = niceStep(maxPrice, 4);
  const yMax = Math.max(Math.ceil(maxPrice / yStep) * yStep, yStep);
  const yTicks: number[] = [];
  for (let v = 0; v <= yMax + yStep * 1e-9; v += yStep) yTicks.push(v);
  const xTicks = [0, 25, 50, 75, 100].concat(xMaxPercent > 100 ? [xMaxPercent] : []);
  const x = (bps: number) => round2(MARGIN.left + (bps / 100 / xMaxPercent) * PLOT_W);
  // Clamped a little above the plot: the curve visibly leaves it at the top.
  const y = (value: number) => round2(MARGIN.top + PLOT_H - Math.min(value / yMax, 1.05) * PLOT_H);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(utilisationBps(p.usedBytes, capacity))},${y(clo(p.pricePerMb))}`)
    .join('');
  const nowX = x(nowBps);
  const nowY = nowPrice === undefined ? MARGIN.top : y(nowPrice);
  const summary = `Price per MB against used capacity: ${formatPricePerMb(first.pricePerMb)} when empty, ${formatPricePerMb(
    ninety.pricePerMb,
  )} at 90%, ${formatPricePerMb(last.pricePerMb)} at ${CURVE_END_PERCENT}%, and without bound as use nears 100%. Now ${formatBps(
    nowBps,
  )} is used and the price is ${formatPricePerMb(now.pricePerMb)}.`;

  return (
    <figure className="m-0" data-testid="price-chart">
      <figcaption className="mb-2 text-sm font-medium text-slate-200">Price per MB against used capacity</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-2xl" role="img" aria-label={summary}>
        <g className="fill-slate-400 text-[15px]">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} className="stroke-slate-800" />
              <text x={MARGIN.left - 8} y={y(v)} textAnchor="end" dominantBaseline="middle">
                {axisNumber.format(v)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text key={`x${t}`} x={x(t * 100)} y={MARGIN.top + PLOT_H + 18} textAnchor="middle">
              {t}%
            </text>
          ))}
          <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 6} textAnchor="middle">
            Used capacity
          </text>
          <text
            x={14}
            y={MARGIN.top + PLOT_H / 2}
            textAnchor="middle"
            transform={`rotate(-90 14 ${MARGIN.top + PLOT_H / 2})`}
          >
            CLO per MB
          </text>
        </g>
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={MARGIN.top + PLOT_H}
          y2={MARGIN.top + PLOT_H}
          className="stroke-slate-600"
        />
        <path d={path} fill="none" strokeWidth={2.5} strokeLinejoin="round" className="stroke-teal-400" />
        <line
          x1={x(10_000)}
          x2={x(10_000)}
          y1={MARGIN.top}
          y2={MARGIN.top + PLOT_H}
          strokeDasharray="2 6"
          className="stroke-rose-400/70"
        />
        <text x={x(10_000) - 6} y={MARGIN.top + 14} textAnchor="end" className="fill-rose-200 text-[13px]">
          no price at full
        </text>
        <line
          x1={nowX}
          x2={nowX}
          y1={MARGIN.top}
          y2={MARGIN.top + PLOT_H}
          strokeDasharray="4 4"
          className="stroke-amber-400/70"
        />
        <circle cx={nowX} cy={nowY} r={6} className="fill-amber-400 stroke-slate-950" strokeWidth={2} />
        <text
          x={nowX + (nowX > MARGIN.left + PLOT_W * 0.7 ? -10 : 10)}
          y={Math.max(MARGIN.top + 12, nowY - 12)}
          textAnchor={nowX > MARGIN.left + PLOT_W * 0.7 ? 'end' : 'start'}
          className="fill-amber-200 text-[15px] font-semibold"
        >
          now
        </text>
      </svg>
      <table className="sr-only">
        <caption>Price per MB at each tenth of capacity up to 90%, and now (no bound as use nears 100%)</caption>
        <thead>
          <tr>
            <th scope="col">Used capacity</th>
            <th scope="col">Price per MB</th>
          </tr>
        </thead>
        <tbody>
          {tableRows(points, capacity, now).map(({ label, point }) => (
            <tr key={label}>
              <td>{label}</td>
              <td>{formatPricePerMb(point.pricePerMb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
