import { css } from 'lit';

export const pilotReportStyles = css`
  .report {
    display: grid;
    /* minmax(0, …): a wide table scrolls in its own box instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.5em 1.5em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 1em;
  }
  .controls select {
    width: auto;
    max-width: 20em;
  }
  .summary {
    font-weight: 600;
    font-size: 1.05em;
  }
  .note {
    border-left: 4px solid var(--_accent);
    padding: 0.5em 0.75em;
    background: var(--_surface);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24em), 1fr));
    gap: 1em 1.5em;
  }
  figure {
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.75em;
    background: var(--_surface);
    display: grid;
    gap: 0.5em;
    align-content: start;
    break-inside: avoid;
  }
  figcaption {
    display: grid;
    gap: 0.2em;
  }
  .legend {
    font-size: 0.9em;
  }
  svg.chart {
    width: 100%;
    max-width: 28em;
    height: auto;
    overflow: visible;
  }
  ul.bars {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.45em;
  }
  .bars .label {
    display: block;
    font-size: 0.92em;
    overflow-wrap: anywhere;
  }
  .bar-line {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  svg.bar {
    flex: 1 1 auto;
    min-width: 0;
    height: 1.1em;
  }
  .bars .figure {
    flex: none;
    min-width: 3.2em;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  svg.bar line {
    vector-effect: non-scaling-stroke;
  }
  .chart text {
    fill: var(--_text);
    font-size: 12px;
  }
  .chart .label {
    font-size: 13px;
  }
  .chart .tick {
    fill: var(--_muted);
    font-size: 11px;
  }
  .bar .track,
  .chart .track {
    fill: color-mix(in srgb, var(--_border) 45%, transparent);
  }
  .bar .value,
  .chart .value {
    fill: color-mix(in srgb, var(--_accent) 45%, var(--_surface));
  }
  .bar .inner,
  .chart .inner {
    fill: var(--_accent);
  }
  .bars .row.full .value {
    fill: color-mix(in srgb, var(--_warn) 55%, var(--_surface));
  }
  .bars .row.grade-good .value {
    fill: var(--_ok);
  }
  .bars .row.grade-fair .value {
    fill: var(--_accent);
  }
  .bars .row.grade-average .value {
    fill: var(--_warn);
  }
  .bars .row.grade-weak .value {
    fill: var(--_danger);
  }
  .bar .limit {
    stroke: var(--_text);
    stroke-width: 2.5;
  }
  .bar .marker {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 3 3;
  }
  .chart .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .chart .path {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  .chart .point {
    fill: var(--_surface);
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  button.link {
    justify-self: start;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding: 0.2em 0;
  }
  .warnings li {
    border-left: 5px solid var(--_warn);
    padding-left: 0.5em;
  }
  .warnings li.removal-review {
    border-left-color: var(--_danger);
  }
  .warnings ul {
    list-style: none;
    padding-left: 0 !important;
  }
  .warnings ul,
  .short ul {
    margin: 0.4em 0 0;
    padding-left: 1.2em;
    display: grid;
    gap: 0.3em;
  }
  .badge.warn,
  .warn {
    color: var(--_warn);
  }
  .badge.danger,
  .danger {
    color: var(--_danger);
  }
  td.warn,
  td.danger,
  th.warn,
  th.danger {
    font-weight: 700;
  }
  td.full {
    font-weight: 700;
  }
  .table-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.4em 1em;
    margin-bottom: 0.3em;
  }
  .table-head h3 {
    margin: 0;
  }
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .scroll:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  table {
    width: 100%;
    font-size: 0.92em;
  }
  th,
  td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: color-mix(in srgb, var(--_border) 30%, var(--_surface));
    font-weight: 600;
  }
  tbody th {
    font-weight: 600;
    min-width: 9em;
  }
  td.num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  /* Under a long table: the count, then the buttons, wrapping on a phone. */
  .rows {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 1em;
    margin-top: 0.4em;
  }
  .rows p {
    margin: 0;
  }
  .rows-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 1em;
  }
  @media print {
    :host {
      font-size: 10.5pt;
    }
    .controls,
    [part='csv'],
    button,
    .rows,
    .failure {
      display: none !important;
    }
    .charts {
      grid-template-columns: 1fr 1fr;
    }
    .scroll {
      overflow: visible;
      border: 0;
    }
    table {
      font-size: 8pt;
    }
    th,
    td {
      padding: 0.2em 0.3em;
    }
    tbody th {
      min-width: 0;
    }
    .table-block {
      break-inside: auto;
    }
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
    }
  }
`;
