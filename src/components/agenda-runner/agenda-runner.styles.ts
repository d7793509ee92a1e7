import { css } from 'lit';

export const agendaRunnerStyles = css`
  :host {
    container-type: inline-size;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.25em;
  }
  h3 {
    font-size: 1.05em;
    margin: 1.2em 0 0.3em;
    padding-bottom: 0.2em;
    border-bottom: 2px solid var(--_border);
  }
  p {
    margin: 0;
  }
  .planned-total,
  .rule,
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .duration,
  .current {
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    padding: 0.6em 0.8em;
    margin: 0.75em 0 0;
    display: grid;
    gap: 0.35em;
  }
  .duration-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.75em;
  }
  .duration-head strong {
    font-size: 1.2em;
  }
  .chip {
    border-radius: 999px;
    padding: 0 0.6em;
    font-weight: 600;
    border: 2px solid currentColor;
  }
  .duration.met .chip {
    color: var(--_ok);
  }
  .duration.short .chip {
    color: var(--_warn);
  }
  .bar {
    display: block;
    width: 100%;
    height: 0.5em;
    border-radius: 999px;
    background: #e4e4e4;
    overflow: hidden;
  }
  .bar .fill {
    fill: var(--_ok);
  }
  .duration.short .bar .fill {
    fill: var(--_warn);
  }
  .current.running {
    border: 2px solid var(--_accent);
    border-left-width: 8px;
  }
  .current.running .bar .fill {
    fill: var(--_accent);
  }
  .current .bar.over .fill {
    fill: var(--_warn);
  }
  .current:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  .current-label {
    color: var(--_accent);
    font-weight: 700;
    font-size: 0.9em;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .current-title {
    font-size: 1.2em;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .current-none {
    color: var(--_muted);
  }
  .clock {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.5em;
  }
  .clock .elapsed {
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .overtime {
    color: var(--_warn);
    font-weight: 700;
  }
  .current-actions,
  .actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.3em;
  }
  .moves {
    display: flex;
    gap: 0.5em;
  }
  button.arrow {
    min-width: 44px;
    padding: 0.4em 0.6em;
    font-weight: 700;
  }
  [role='alert']:empty {
    display: none;
  }
  [role='alert'] {
    margin: 0.5em 0 0;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-bottom: 1px solid var(--_border);
    /* Every item has the running item's left border, transparent, so that numbers line up. */
    border-left: 6px solid transparent;
    padding: 0.6em 0.4em;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .item:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: -3px;
  }
  .item.running {
    background: #fdecee;
    border-left-color: var(--_accent);
  }
  .item.done .item-title,
  .item.skipped .item-title {
    color: var(--_muted);
  }
  .item-head {
    display: flex;
    gap: 0.4em;
  }
  .num {
    flex: none;
    min-width: 1.8em;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .item-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .item-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.75em;
    padding-left: 2.2em;
    font-size: 0.95em;
  }
  .item .actions,
  .item .skip-reason,
  .item form {
    margin-left: 2.2em;
  }
  .planned {
    color: var(--_muted);
  }
  .badge {
    border-radius: 999px;
    padding: 0 0.55em;
    border: 1px solid currentColor;
    font-size: 0.9em;
    font-weight: 600;
  }
  .item.running .badge {
    color: var(--_accent);
  }
  .item.done .badge {
    color: var(--_ok);
  }
  .item.skipped .badge {
    color: var(--_warn);
  }
  .item .elapsed {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .skip-reason {
    font-style: italic;
    overflow-wrap: anywhere;
  }
  .inline-form {
    display: grid;
    gap: 0.35em;
    margin-top: 0.4em;
    max-width: 40em;
  }
  .add {
    margin-top: 1em;
  }
  .add-form fieldset {
    border: 1px solid var(--_border);
    border-radius: 8px;
    margin: 0.75em 0 0;
    padding: 0.6em 0.8em 0.8em;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.6em 1em;
  }
  .add-form legend {
    font-weight: 700;
    padding: 0 0.3em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .wide {
    grid-column: 1 / -1;
  }
  input,
  select {
    font: inherit;
    min-height: 44px;
    padding: 0 0.6em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    min-width: 0;
    box-sizing: border-box;
    width: 100%;
  }
  select:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  @container (max-width: 26em) {
    /* On a phone, a pending item's four buttons fit one row only without the indent. */
    .item .actions,
    .item form {
      margin-left: 0;
    }
  }
  @container (min-width: 44em) {
    /* On a wide screen, a pending item's buttons sit beside its title. */
    .item {
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 1em;
    }
    .item > * {
      grid-column: 1;
    }
    .item > .actions {
      grid-column: 2;
      grid-row: 1 / span 2;
      align-self: center;
      margin: 0;
    }
    .item > form {
      grid-column: 1 / -1;
    }
  }
`;
