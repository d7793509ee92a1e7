import { css } from 'lit';

/**
 * What the upper level's console elements share beyond `baseStyles`: forms
 * and fields, a failed request, loading, and phone widths (360 px) where
 * fields stack and targets stay at least 44 px.
 */
export const consoleStyles = css`
  :host {
    container-type: inline-size;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.4em;
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 0.3em;
  }
  h4 {
    font-size: 1em;
    margin: 0 0 0.3em;
  }
  p {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.92em;
  }
  form {
    display: grid;
    gap: 0.9em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  .option,
  .option.compact {
    font-weight: normal;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    min-height: 44px;
    padding: 0.3em 0.6em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    min-width: 0;
    width: 100%;
    max-width: 36em;
    box-sizing: border-box;
  }
  textarea {
    max-width: none;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  fieldset {
    border: 2px solid var(--_border);
    border-radius: 10px;
    padding: 0.5em 0.9em 0.8em;
    margin: 0;
    min-width: 0;
    display: grid;
    gap: 0.5em;
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    min-height: 44px;
    padding: 0.2em 0;
    cursor: pointer;
  }
  .option input {
    width: 1.4em;
    height: 1.4em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .option > span {
    display: grid;
  }
  .option .muted {
    font-size: 0.92em;
  }
  .controls,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  a.button,
  a.open {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.4em 0.9em;
    border: 2px solid var(--_accent);
    border-radius: 8px;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: none;
    box-sizing: border-box;
  }
  a:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  [role='alert']:empty,
  [role='status'].done:empty {
    display: none;
  }
  .done {
    color: var(--_ok);
    font-weight: 600;
  }
  .failure {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    border: 2px solid var(--_danger);
    border-radius: 10px;
    padding: 0.75em 1em;
    margin: 0 0 1em;
    background: var(--_surface);
  }
  .loading {
    color: var(--_muted);
    margin: 0 0 0.5em;
  }
  .badge {
    display: inline-block;
    font-size: 0.88em;
    font-weight: 600;
    border: 2px solid currentColor;
    border-radius: 999px;
    padding: 0 0.6em;
    white-space: nowrap;
  }
  table {
    border-collapse: collapse;
  }
  li[tabindex='-1']:focus {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
`;
