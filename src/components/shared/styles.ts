import { css } from 'lit';

/** Shared look: large type and targets for older members on phones; themeable with `--party-*`. */
export const baseStyles = css`
  :host {
    --_accent: var(--party-accent, #b3001b);
    --_text: var(--party-text, #1a1a1a);
    --_muted: var(--party-muted, #555);
    --_surface: var(--party-surface, #fff);
    --_border: var(--party-border, #c9c9c9);
    --_ok: var(--party-ok, #1b6e2a);
    --_warn: var(--party-warn, #8a5a00);
    --_danger: var(--party-danger, #a01414);
    display: block;
    color: var(--_text);
    font-family: var(--party-font, system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    /* --party-font-scale: set by <party-meeting-room> in full-screen mode (a projector), so every part grows with it. */
    font-size: calc(var(--party-font-size, 1.0625rem) * var(--party-font-scale, 1));
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.4em 0.9em;
    border-radius: 8px;
    border: 2px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  [role='alert'] {
    color: var(--_danger);
    font-weight: 600;
  }
`;

/** The headings, notes and live alert of a procedure panel (the roll, the lobby, the speakers). */
export const panelStyles = css`
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  h3 {
    font-size: 1.05em;
    margin: 0;
  }
  /* A heading that takes the focus when its part changes: a ring for the keyboard only. */
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  .note {
    color: var(--_muted);
  }
  [role='alert']:empty {
    display: none;
  }
`;

/** A list of people, one row each: who (name and badges) on the left, what can be done on the right, wrapping on a phone. */
export const personRowStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-top: 1px solid var(--_border);
    padding: 0.6em 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
  }
  .name {
    font-weight: 600;
  }
`;
