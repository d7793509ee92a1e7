/**
 * The report's charts, drawn by hand as SVG: horizontal bars (a label above
 * each bar, so long cell names fit a phone) and a line over the twelve
 * months. Geometry is in attributes, colours in the element's stylesheet
 * (no inline style: they work under a strict Content-Security-Policy), and
 * everything prints. Each chart is an image with a label; its figures are in
 * the table beside it.
 */
import { svg } from 'lit';

/** The viewBox width: about a phone's width, so text keeps its size there. */
const WIDTH = 360;
const BAR_AREA = 290;
const ROW = 40;

/** One bar. */
export interface BarRow {
  readonly key: string;
  readonly label: string;
  /** The bar's length, on the chart's scale. */
  readonly value: number;
  /** A second, darker bar inside the first (e.g. meetings held of those registered). */
  readonly inner?: number;
  /** A short vertical mark on this row (e.g. the cell's yearly limit). */
  readonly limit?: number;
  /** The figure written after the bar. */
  readonly valueText: string;
  /** A class on the bar (e.g. a grade, a short meeting). */
  readonly tone?: string;
}

const clampX = (value: number, max: number) => (max <= 0 ? 0 : Math.max(0, Math.min(1, value / max)) * BAR_AREA);
const round = (n: number) => Math.round(n * 10) / 10;

/** Cuts a label that would run past the chart, keeping whole the figures in the table. */
export function truncate(text: string, max = 44): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Horizontal bars on a scale from 0 to `max`, with vertical `markers` across every row (e.g. grade thresholds). */
export function barChart(rows: readonly BarRow[], max: number, label: string, markers: readonly number[] = []) {
  const height = rows.length * ROW + 6;
  return svg`<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${label} focusable="false" preserveAspectRatio="xMinYMin meet">
    ${markers.map((m) => {
      const x = round(clampX(m, max));
      return svg`<line class="marker" x1=${x} x2=${x} y1="0" y2=${height}></line>`;
    })}
    ${rows.map((row, i) => {
      const y = i * ROW;
      const width = round(clampX(row.value, max));
      return svg`<g class="row ${row.tone ?? ''}" data-key=${row.key}>
        <text class="label" x="0" y=${y + 13}>${truncate(row.label)}</text>
        <rect class="track" x="0" y=${y + 19} width=${BAR_AREA} height="14" rx="2"></rect>
        <rect class="value" x="0" y=${y + 19} width=${width} height="14" rx="2"></rect>
        ${row.inner !== undefined ? svg`<rect class="inner" x="0" y=${y + 22} width=${round(clampX(row.inner, max))} height="8"></rect>` : ''}
        ${row.limit !== undefined
          ? svg`<line class="limit" x1=${round(clampX(row.limit, max))} x2=${round(clampX(row.limit, max))} y1=${y + 16} y2=${y + 36}></line>`
          : ''}
        <text class="figure" x=${BAR_AREA + 6} y=${y + 31}>${row.valueText}</text>
      </g>`;
    })}
  </svg>`;
}

/** One point of the line; `value` null leaves a gap (no meeting that month). */
export interface LinePoint {
  readonly key: string;
  readonly axis: string;
  readonly value: number | null;
  /** Said for the point (its `<title>`). */
  readonly title: string;
}

/** A line over the points on a 0–1 scale, with grid lines labelled by `tick`. */
export function lineChart(points: readonly LinePoint[], label: string, tick: (share: number) => string) {
  const left = 40;
  const right = WIDTH - 10;
  const top = 10;
  const bottom = 170;
  const x = (i: number) => round(points.length <= 1 ? (left + right) / 2 : left + (i * (right - left)) / (points.length - 1));
  const y = (v: number) => round(bottom - Math.max(0, Math.min(1, v)) * (bottom - top));
  // Consecutive points with a value form one stretch of the line.
  const stretches: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) stretches.push(current);
      current = [];
    } else current.push([x(i), y(p.value)]);
  });
  if (current.length) stretches.push(current);
  return svg`<svg class="chart line" viewBox="0 0 ${WIDTH} 196" role="img" aria-label=${label} focusable="false" preserveAspectRatio="xMinYMin meet">
    ${[0, 0.25, 0.5, 0.75, 1].map(
      (share) => svg`<line class="grid" x1=${left} x2=${right} y1=${y(share)} y2=${y(share)}></line>
        <text class="tick" x=${left - 4} y=${y(share) + 4} text-anchor="end">${tick(share)}</text>`,
    )}
    ${points.map((p, i) => svg`<text class="tick" x=${x(i)} y="188" text-anchor="middle">${p.axis}</text>`)}
    ${stretches.map((s) => svg`<polyline class="path" points=${s.map(([px, py]) => `${px},${py}`).join(' ')}></polyline>`)}
    ${points.map((p, i) =>
      p.value === null
        ? ''
        : svg`<circle class="point" cx=${x(i)} cy=${y(p.value)} r="4" data-key=${p.key}><title>${p.title}</title></circle>`,
    )}
  </svg>`;
}
