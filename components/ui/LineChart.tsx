import type { ReactNode } from 'react';
import { formatUnits } from 'viem';
import { niceTicks } from '@/lib/format/ticks';

/** A point: `x` a plot coordinate (a round, a percentage), `y` an exact amount in units of 10^-yDecimals (wei). */
export interface LinePoint {
  x: number;
  y: bigint;
}

/** A vertical line across the plot with a label: a limit ("no price at full") or the current point ("now"). */
export interface ChartMarker {
  x: number;
  label: string;
  tone: 'limit' | 'current';
  /** Where the current point sits on the line; off the scale (undefined) puts it at the plot's top. */
  y?: bigint;
}

export interface LineChartProps {
  /** The visible title. */
  caption: string;
  /** One or two sentences saying what the picture shows, for screen readers (the svg's label). */
  summary: string;
  points: readonly LinePoint[];
  /** `steps` holds each value until the next point (a reward that arrives at the end of a round). */
  shape?: 'line' | 'steps';
  /** Decimals of `y` (18 for wei): amounts become numbers only here, at the plot. */
  yDecimals?: number;
  xAxis: {
    label: string;
    /** The range drawn; the points' range by default. */
    domain?: [number, number];
    /** Tick values; about six round ones by default. */
    ticks?: readonly number[];
    /** Whole-number ticks only (rounds, counts). */
    integer?: boolean;
    format?(value: number): string;
  };
  yAxis: {
    label: string;
    /** The value the plot's height must reach (before rounding up to a tick); the largest point by default.
     * Points above it leave the plot at the top, as a curve without bound does. */
    top?: bigint;
    format?(value: number): string;
  };
  markers?: readonly ChartMarker[];
  /** Mark each point with a dot; by default only when there are 40 points or fewer. */
  dots?: boolean;
  /** The figures as a table for screen readers (a chart's picture is not readable to them). */
  table: {
    caption: string;
    columns: [string, string];
    rows: readonly { key: string; cells: [ReactNode, ReactNode] }[];
  };
  /** Said instead of an empty chart. */
  emptyMessage: string;
  testId?: string;
}

const WIDTH = 520;
const HEIGHT = 280;
const MARGIN = { top: 20, right: 20, bottom: 48, left: 76 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
/** How far above the plot a value off the scale is drawn, so the line visibly leaves it. */
const OVERSHOOT = 1.05;

const plainNumber = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const defaultFormat = (value: number) => plainNumber.format(value);
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The app's one line chart: round axis ticks shared by every chart (`niceTicks`), axis text large enough to read on
 * a phone, a sentence for screen readers and the figures as a hidden table. Amounts arrive as bigint and become
 * floating point only for the coordinates.
 */
export function LineChart({
  caption,
  summary,
  points,
  shape = 'line',
  yDecimals = 18,
  xAxis,
  yAxis,
  markers = [],
  dots,
  table,
  emptyMessage,
  testId,
}: LineChartProps) {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return <p className="text-sm text-slate-400">{emptyMessage}</p>;

  const toNumber = (value: bigint) => Number(formatUnits(value, yDecimals));
  const values = sorted.map((p) => toNumber(p.y));
  const top = yAxis.top === undefined ? Math.max(...values, 0) : toNumber(yAxis.top);
  const yScale = niceTicks(0, Math.max(top, 0), 4);
  const yMax = yScale.domain[1];

  const [xMin, xMaxRaw] = xAxis.domain ?? [first.x, last.x];
  const xMax = xMaxRaw > xMin ? xMaxRaw : xMin + 1;
  const xTicks = xAxis.ticks ?? niceTicks(xMin, xMax, 6, { extend: false, integer: xAxis.integer }).values;
  const formatX = xAxis.format ?? defaultFormat;
  const formatY = yAxis.format ?? defaultFormat;

  const x = (value: number) => round2(MARGIN.left + ((value - xMin) / (xMax - xMin)) * PLOT_W);
  const y = (value: number) => round2(MARGIN.top + PLOT_H - Math.min(value / yMax, OVERSHOOT) * PLOT_H);

  const path = sorted
    .map((p, i) => {
      const px = x(p.x);
      const py = y(values[i] ?? 0);
      if (i === 0) return `M${px},${py}`;
      return shape === 'steps' ? `H${px}V${py}` : `L${px},${py}`;
    })
    .join('');
  const showDots = dots ?? sorted.length <= 40;

  return (
    <figure className="m-0" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium text-slate-200">{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-2xl" role="img" aria-label={summary}>
        <g className="fill-slate-400 text-[15px]">
          {yScale.values.map((v, i) => (
            <g key={`y${i}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} className="stroke-slate-800" />
              <text x={MARGIN.left - 8} y={y(v)} textAnchor="end" dominantBaseline="middle">
                {formatY(v)}
              </text>
            </g>
          ))}
          {xTicks.map((v, i) => (
            <text key={`x${i}`} x={x(v)} y={MARGIN.top + PLOT_H + 18} textAnchor="middle">
              {formatX(v)}
            </text>
          ))}
          <text x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 6} textAnchor="middle">
            {xAxis.label}
          </text>
          <text
            x={14}
            y={MARGIN.top + PLOT_H / 2}
            textAnchor="middle"
            transform={`rotate(-90 14 ${MARGIN.top + PLOT_H / 2})`}
          >
            {yAxis.label}
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
        {showDots &&
          sorted.map((p, i) => (
            <circle key={`p${i}`} cx={x(p.x)} cy={y(values[i] ?? 0)} r={3.5} className="fill-teal-300" />
          ))}
        {markers.map((marker, i) => (
          <Marker
            key={`m${i}`}
            marker={marker}
            mx={x(marker.x)}
            my={marker.y === undefined ? MARGIN.top : y(toNumber(marker.y))}
          />
        ))}
      </svg>
      {/* Hidden in a box: a table is never narrower than its content, so on the table itself sr-only's 1 px width
          does not hold and the hidden table would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{table.columns[0]}</th>
              <th scope="col">{table.columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <td>{row.cells[0]}</td>
                <td>{row.cells[1]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function Marker({ marker, mx, my }: { marker: ChartMarker; mx: number; my: number }) {
  const line = (dash: string, tone: string) => (
    <line x1={mx} x2={mx} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} strokeDasharray={dash} className={tone} />
  );
  if (marker.tone === 'limit') {
    return (
      <g>
        {line('2 6', 'stroke-rose-400/70')}
        <text x={mx - 6} y={MARGIN.top + 14} textAnchor="end" className="fill-rose-200 text-[13px]">
          {marker.label}
        </text>
      </g>
    );
  }
  // The label goes on the side with room: left of a point in the last 30% of the plot.
  const onRight = mx > MARGIN.left + PLOT_W * 0.7;
  return (
    <g>
      {line('4 4', 'stroke-amber-400/70')}
      <circle cx={mx} cy={my} r={6} className="fill-amber-400 stroke-slate-950" strokeWidth={2} />
      <text
        x={mx + (onRight ? -10 : 10)}
        y={Math.max(MARGIN.top + 12, my - 12)}
        textAnchor={onRight ? 'end' : 'start'}
        className="fill-amber-200 text-[15px] font-semibold"
      >
        {marker.label}
      </text>
    </g>
  );
}
