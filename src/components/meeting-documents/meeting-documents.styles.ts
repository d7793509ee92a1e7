import { css } from 'lit';

export const meetingDocumentsStyles = css`
  section {
    display: grid;
    gap: 0.75em;
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  h3 {
    font-size: 1.05em;
    margin: 0;
  }
  p {
    margin: 0;
  }
  .empty,
  .hint,
  .posted,
  .deadline {
    color: var(--_muted);
  }
  .verdict {
    border-left: 6px solid var(--_border);
    padding: 0.4em 0.8em;
    background: var(--_surface);
  }
  .verdict.on-time {
    border-color: var(--_ok);
  }
  .verdict.late {
    border-color: var(--_danger);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-top: 1px solid var(--_border);
    padding: 0.75em 0;
    display: grid;
    gap: 0.35em;
  }
  li:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .badge {
    font-size: 0.9em;
    font-weight: 600;
    border: 2px solid currentColor;
    border-radius: 999px;
    padding: 0 0.6em;
    white-space: nowrap;
  }
  .badge.on-time {
    color: var(--_ok);
  }
  .badge.late {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button[aria-expanded='true'] {
    border-color: var(--_accent);
  }
  .viewer {
    display: grid;
    gap: 0.5em;
    border: 2px solid var(--_border);
    border-radius: 10px;
    padding: 0.75em;
    background: var(--_surface);
  }
  a.new-tab {
    display: inline-flex;
    align-items: center;
    justify-self: start;
    min-height: 44px;
    padding: 0.4em 0.9em;
    border: 2px solid var(--_accent);
    border-radius: 8px;
    color: var(--_accent);
    font-weight: 600;
  }
  a.new-tab:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  iframe {
    width: 100%;
    height: min(70vh, 40em);
    min-height: 16em;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: #fff;
    box-sizing: border-box;
  }
  form {
    display: grid;
    gap: 0.75em;
    border: 2px solid var(--_border);
    border-radius: 10px;
    padding: 0.75em 1em;
    background: var(--_surface);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 0 0.6em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    min-width: 0;
    box-sizing: border-box;
    width: 100%;
    max-width: 40em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [role='alert']:empty {
    display: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
`;
