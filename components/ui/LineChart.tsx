'use client';

import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { formatUnits } from 'viem';
import { niceTicks } from '@/lib/format/ticks';
import { CHART_FONT_PX, chartLayout, type ChartLayout } from './chartLayout';

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
  /** The side of the point its label goes on; by default the right, or the left in the last 30% of the plot. A
   * line that only rises (a cumulative sum) leaves the upper left free. */
  labelSide?: 'left' | 'right';
}

/** A horizontal line across the plot with a label: a level to read the line against (the balance now). */
export interface ChartReference {
  y: bigint;
  label: string;
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
  /** Levels drawn across the plot; the value axis reaches them. */
  references?: readonly ChartReference[];
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

/** How far above the plot a value off the scale is drawn, so the line visibly leaves it. */
const OVERSHOOT = 1.05;

const plainNumber = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const defaultFormat = (value: number) => plainNumber.format(value);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The element's width in CSS pixels, kept up to date as it resizes; undefined until measured (0 without layout). */
function useWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.getBoundingClientRect().width || undefined);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const compactNumber = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

/** The value axis of a chart of CLO amounts: compact numbers ("1.2K"), short enough for a phone's axis. */
export const CLO_AXIS: LineChartProps['yAxis'] = { label: 'CLO', format: (v) => compactNumber.format(v) };

/**
 * The app's one line chart: round axis ticks shared by every chart (`niceTicks`), drawn at the width of its box so
 * its axis text is the same 13 CSS px on a phone as on a desktop (see chartLayout), a sentence for screen readers
 * and the figures as a hidden table. Amounts arrive as bigint and become floating point only for the coordinates.
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
  references = [],
  dots,
  table,
  emptyMessage,
  testId,
}: LineChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const layout = chartLayout(useWidth(boxRef));
  const sorted = [...points].sort((a, b) => a.x - b.x);
  return (
    <figure className="m-0" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium text-slate-200">{caption}</figcaption>
      {/* The box is measured even while empty, so the first points are drawn at the right width. */}
      <div ref={boxRef} className="w-full max-w-2xl">
        {sorted.length === 0 ? (
          <p className="text-sm text-slate-400">{emptyMessage}</p>
        ) : (
          <Plot
            layout={layout}
            summary={summary}
            sorted={sorted}
            shape={shape}
            yDecimals={yDecimals}
            xAxis={xAxis}
            yAxis={yAxis}
            markers={markers}
            references={references}
            dots={dots}
          />
        )}
      </div>
      {/* Hidden in a box: a table is never narrower than its content, so on the table itself sr-only's 1 px width
          does not hold and the hidden table would widen a phone's page. */}
      {sorted.length > 0 && (
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
      )}
    </figure>
  );
}

type PlotProps = Required<Pick<LineChartProps, 'shape' | 'yDecimals' | 'markers' | 'references'>> &
  Pick<LineChartProps, 'summary' | 'xAxis' | 'yAxis' | 'dots'> & { layout: ChartLayout; sorted: LinePoint[] };

function Plot({ layout, summary, sorted, shape, yDecimals, xAxis, yAxis, markers, references, dots }: PlotProps) {
  const { width, height, margin, plotWidth, plotHeight } = layout;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;

  const toNumber = (value: bigint) => Number(formatUnits(value, yDecimals));
  const values = sorted.map((p) => toNumber(p.y));
  const levels = references.map((r) => toNumber(r.y));
  const top = Math.max(yAxis.top === undefined ? Math.max(...values, 0) : toNumber(yAxis.top), ...levels);
  const yScale = niceTicks(0, Math.max(top, 0), 4);
  const yMax = yScale.domain[1];

  const [xMin, xMaxRaw] = xAxis.domain ?? [first.x, last.x];
  const xMax = xMaxRaw > xMin ? xMaxRaw : xMin + 1;
  const xTicks =
    xAxis.ticks ?? niceTicks(xMin, xMax, layout.xTickCount, { extend: false, integer: xAxis.integer }).values;
  const formatX = xAxis.format ?? defaultFormat;
  const formatY = yAxis.format ?? defaultFormat;

  const x = (value: number) => round2(margin.left + ((value - xMin) / (xMax - xMin)) * plotWidth);
  const y = (value: number) => round2(margin.top + plotHeight - Math.min(value / yMax, OVERSHOOT) * plotHeight);

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
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="block h-auto w-full"
      role="img"
      aria-label={summary}
      style={{ fontSize: CHART_FONT_PX }}
    >
      <g className="fill-slate-400">
        {yScale.values.map((v, i) => (
          <g key={`y${i}`}>
            <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} className="stroke-slate-800" />
            <text x={margin.left - 8} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {formatY(v)}
            </text>
          </g>
        ))}
        {xTicks.map((v, i) => (
          <text key={`x${i}`} x={x(v)} y={margin.top + plotHeight + 18} textAnchor="middle">
            {formatX(v)}
          </text>
        ))}
        <text x={margin.left + plotWidth / 2} y={height - 6} textAnchor="middle">
          {xAxis.label}
        </text>
        <text
          x={14}
          y={margin.top + plotHeight / 2}
          textAnchor="middle"
          transform={`rotate(-90 14 ${margin.top + plotHeight / 2})`}
        >
          {yAxis.label}
        </text>
      </g>
      <line
        x1={margin.left}
        x2={width - margin.right}
        y1={margin.top + plotHeight}
        y2={margin.top + plotHeight}
        className="stroke-slate-600"
      />
      {references.map((reference, i) => {
        const ry = y(levels[i] ?? 0);
        return (
          <g key={`r${i}`}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={ry}
              y2={ry}
              strokeDasharray="6 4"
              className="stroke-sky-400/80"
            />
            <text x={width - margin.right} y={ry - 6} textAnchor="end" className="fill-sky-200">
              {reference.label}
            </text>
          </g>
        );
      })}
      <path d={path} fill="none" strokeWidth={2.5} strokeLinejoin="round" className="stroke-teal-400" />
      {showDots &&
        sorted.map((p, i) => (
          <circle key={`p${i}`} cx={x(p.x)} cy={y(values[i] ?? 0)} r={3.5} className="fill-teal-300" />
        ))}
      {markers.map((marker, i) => (
        <Marker
          key={`m${i}`}
          layout={layout}
          marker={marker}
          mx={x(marker.x)}
          my={marker.y === undefined ? margin.top : y(toNumber(marker.y))}
        />
      ))}
    </svg>
  );
}

function Marker({ layout, marker, mx, my }: { layout: ChartLayout; marker: ChartMarker; mx: number; my: number }) {
  const { margin, plotWidth, plotHeight } = layout;
  const line = (dash: string, tone: string) => (
    <line x1={mx} x2={mx} y1={margin.top} y2={margin.top + plotHeight} strokeDasharray={dash} className={tone} />
  );
  if (marker.tone === 'limit') {
    return (
      <g>
        {line('2 6', 'stroke-rose-400/70')}
        <text x={mx - 6} y={margin.top + 14} textAnchor="end" className="fill-rose-200">
          {marker.label}
        </text>
      </g>
    );
  }
  // The label goes on the side with room: left of a point in the last 30% of the plot, unless the chart knows better.
  const labelLeft = marker.labelSide ? marker.labelSide === 'left' : mx > margin.left + plotWidth * 0.7;
  return (
    <g>
      {line('4 4', 'stroke-amber-400/70')}
      <circle cx={mx} cy={my} r={6} className="fill-amber-400 stroke-slate-950" strokeWidth={2} />
      <text
        x={mx + (labelLeft ? -10 : 10)}
        y={Math.max(margin.top + 12, my - 12)}
        textAnchor={labelLeft ? 'end' : 'start'}
        className="fill-amber-200 font-semibold"
      >
        {marker.label}
      </text>
    </g>
  );
}
