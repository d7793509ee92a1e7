/**
 * The report's charts, drawn by hand as SVG: horizontal bars (a text label
 * above each bar, so long cell names fit a phone) and a line over the twelve
 * months. Geometry is in attributes, colours in the element's stylesheet
 * (no inline style: they work under a strict Content-Security-Policy), and
 * everything prints. Each chart is an image with a label; its figures are in
 * the table beside it.
 */
import { html, svg } from 'lit';

/** The line chart's viewBox width: about a phone's width, so its text keeps its size there. */
const WIDTH = 320;

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

const share = (value: number, max: number) => (max <= 0 ? 0 : Math.round(Math.max(0, Math.min(1, value / max)) * 1000) / 10);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Horizontal bars on a scale from 0 to `max`, one list item per row: the
 * label and the figure are text (they wrap on a phone and keep their size),
 * the bar is an SVG stretched to the row's width, with the row's `limit` and
 * the chart's `markers` (e.g. grade thresholds) drawn across it.
 */
export function barChart(rows: readonly BarRow[], max: number, markers: readonly number[] = []) {
  return html`<ul class="bars">
    ${rows.map(
      (row) => html`<li class="row ${row.tone ?? ''}" data-key=${row.key}>
        <span class="label">${row.label}</span>
        <span class="bar-line">
          <svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="track" x="0" y="0" width="100" height="12"></rect>
            <rect class="value" x="0" y="0" width=${share(row.value, max)} height="12"></rect>
            ${row.inner !== undefined ? svg`<rect class="inner" x="0" y="3" width=${share(row.inner, max)} height="6"></rect>` : ''}
            ${markers.map((m) => svg`<line class="marker" x1=${share(m, max)} x2=${share(m, max)} y1="0" y2="12"></line>`)}
            ${row.limit !== undefined ? svg`<line class="limit" x1=${share(row.limit, max)} x2=${share(row.limit, max)} y1="0" y2="12"></line>` : ''}
          </svg>
          <span class="figure">${row.valueText}</span>
        </span>
      </li>`,
    )}
  </ul>`;
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
  const right = WIDTH - 12;
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
