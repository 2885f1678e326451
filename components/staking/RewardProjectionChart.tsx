import { formatUnits } from 'viem';
import { formatCloWithUnit } from '@/lib/format/clo';

export interface RewardProjectionPoint {
  round: number;
  cumulativeReward: bigint;
}

const WIDTH = 480;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 48, left: 64 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const axisNumber = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

/** A round step (1, 2, 5 x 10^n) that gives about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  // The epsilon keeps the last tick that floating point lands a hair beyond max.
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(v);
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Expected cumulative reward per round as a step line: a reward arrives when a round completes. */
export function RewardProjectionChart({ points, termLabel }: { points: RewardProjectionPoint[]; termLabel: string }) {
  const sorted = [...points].sort((a, b) => a.round - b.round);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return <p className="text-sm text-slate-400">No estimate to show yet.</p>;

  // Floating point from here on is for drawing only: amounts stay bigint everywhere else.
  const values = sorted.map((p) => Number(formatUnits(p.cumulativeReward, 18)));
  const maxValue = Math.max(...values, 0);
  const yStep = niceStep(maxValue, 4);
  const yMax = Math.max(Math.ceil(maxValue / yStep) * yStep, yStep);
  const yTicks = ticks(0, yMax, yStep);
  const xMin = first.round;
  const xMax = last.round > xMin ? last.round : xMin + 1;
  const xTicks = ticks(xMin, xMax, Math.max(1, Math.round(niceStep(xMax - xMin, 6))));
  const x = (round: number) => round2(MARGIN.left + ((round - xMin) / (xMax - xMin)) * PLOT_W);
  const y = (value: number) => round2(MARGIN.top + PLOT_H - (value / yMax) * PLOT_H);

  const path = sorted
    .map((p, i) => (i === 0 ? `M${x(p.round)},${y(values[0] ?? 0)}` : `H${x(p.round)}V${y(values[i] ?? 0)}`))
    .join('');
  const summary = `Estimate of the cumulative reward for ${termLabel}: ${formatCloWithUnit(last.cumulativeReward)} after round ${last.round}, growing in a step at the end of each round.`;

  return (
    <figure className="m-0">
      <figcaption className="mb-2 text-sm font-medium text-slate-200">
        Estimate: cumulative reward, {termLabel}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={summary}>
        <g className="fill-slate-400 text-[13px]">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} className="stroke-slate-800" />
              <text x={MARGIN.left - 8} y={y(v)} textAnchor="end" dominantBaseline="middle">
                {axisNumber.format(v)}
              </text>
            </g>
          ))}
          {xTicks.map((r) => (
            <text key={`x${r}`} x={x(r)} y={MARGIN.top + PLOT_H + 18} textAnchor="middle">
              {r}
            </text>
          ))}
          <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 6} textAnchor="middle">
            Round
          </text>
          <text
            x={14}
            y={MARGIN.top + PLOT_H / 2}
            textAnchor="middle"
            transform={`rotate(-90 14 ${MARGIN.top + PLOT_H / 2})`}
          >
            CLO
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
        {sorted.length <= 40 &&
          sorted.map((p, i) => (
            <circle key={p.round} cx={x(p.round)} cy={y(values[i] ?? 0)} r={3.5} className="fill-teal-300" />
          ))}
      </svg>
      <table className="sr-only">
        <caption>Estimated cumulative reward by round, {termLabel}</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Cumulative reward</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={p.round}>
              <td>{p.round}</td>
              <td>{formatCloWithUnit(p.cumulativeReward)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
