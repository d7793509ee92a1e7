import { css } from 'lit';

export const meetingMinutesStyles = css`
  p {
    margin: 0.3em 0;
  }
  ul,
  ol {
    margin: 0.2em 0 0.5em;
    padding-inline-start: 1.5em;
  }
  li {
    margin: 0.2em 0;
  }
  .controls {
    display: flex;
    flex-direction: column;
    gap: 0.4em;
    margin: 0 0 1em;
  }
  .controls p:empty {
    display: none;
  }
  /* The outcome of the last action stays in sight at the bottom of the screen while the forms above it are. */
  .messages {
    position: sticky;
    bottom: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .messages p:not(:empty) {
    margin: 0;
    padding: 0.4em 0.2em;
    border-top: 2px solid currentColor;
    font-weight: 600;
  }
  .badge {
    align-self: flex-start;
    border: 2px solid var(--_border);
    border-radius: 12px;
    padding: 0.1em 0.8em;
    font-weight: 600;
    color: var(--_muted);
  }
  .badge.read-back {
    border-color: var(--_warn);
    color: var(--_warn);
  }
  .badge.adopted {
    border-color: var(--_ok);
    color: var(--_ok);
  }
  .status {
    font-weight: 600;
  }
  .notice {
    color: var(--_ok);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: 8px;
    margin: 0;
    padding: 0.6em 0.8em 0.8em;
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }
  legend {
    font-weight: 700;
    padding: 0 0.3em;
  }
  select,
  textarea,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: 8px;
    min-height: 44px;
    padding: 0.3em 0.6em;
    box-sizing: border-box;
    width: 100%;
    max-width: 100%;
  }
  textarea {
    resize: vertical;
  }
  select:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  fieldset button {
    align-self: flex-start;
    margin-top: 0.3em;
  }
  label {
    font-weight: 600;
  }
  input[type='number'] {
    max-width: 8em;
  }
  /* A name or a date needs no more than this on a wide screen. */
  .group select,
  .group input[type='date'] {
    max-width: 28em;
  }
  /* The chair's collapsible groups: a full-width summary as large as a button. */
  .group {
    border: 2px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
  }
  .group > summary {
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.55em 0.8em;
    font-weight: 700;
    cursor: pointer;
  }
  .group > summary:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  .group[open] > summary {
    border-bottom: 1px solid var(--_border);
  }
  .group > form,
  .group-body {
    padding: 0.6em;
  }
  .group-body {
    display: flex;
    flex-direction: column;
    gap: 0.8em;
  }

  /* The document: a sheet of paper on screen. */
  .document {
    font-family: var(--party-document-font, inherit);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 1em clamp(0.75em, 4vw, 2.5em) 1.5em;
    overflow-wrap: anywhere;
  }
  .document.large {
    font-size: 1.25em;
    line-height: 1.6;
  }
  /* The heading is read once; at its usual size it keeps "ĐẢNG CỘNG SẢN VIỆT NAM" on one line of a phone. */
  .document.large .heading {
    font-size: 0.8em;
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em 2em;
    text-align: center;
  }
  .heading p {
    margin: 0;
  }
  .org,
  .party {
    flex: 1 1 13em;
  }
  .cell,
  .party-name {
    font-weight: 700;
  }
  /* The short rule under the organisation (HD 36-HD/VPTW) and the rule under the party heading. */
  .cell::after,
  .party-name::after {
    content: '';
    display: block;
    margin: 0.15em auto 0;
    border-top: 1px solid currentColor;
  }
  .cell::after {
    width: 3em;
  }
  .party-name::after {
    width: 60%;
  }
  .star {
    line-height: 1;
  }
  .dateline {
    font-style: italic;
    padding-top: 0.4em;
  }
  .title {
    text-align: center;
    font-size: 1.15em;
    margin: 1.2em 0 0.8em;
  }
  .part h3 {
    font-size: 1em;
    margin: 1em 0 0.3em;
  }
  .sub {
    font-weight: 600;
  }
  .course > li,
  .votes > li {
    margin: 0 0 0.7em;
  }
  .item-title {
    font-weight: 700;
  }
  .when,
  .at,
  .meta {
    color: var(--_muted);
  }
  .course > li.pending .item-title {
    font-weight: 400;
    color: var(--_muted);
  }
  .course > li.running {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: 0.5em;
  }
  .passed {
    color: var(--_ok);
  }
  .failed {
    color: var(--_danger);
  }
  .task {
    display: block;
  }
  .rating-note {
    display: block;
  }
  /* Side by side even on a phone, as on the paper form. */
  .signatures {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 1em;
    margin-top: 1.5em;
    text-align: center;
  }
  .sign-title {
    font-weight: 700;
  }
  .sign-hint {
    font-style: italic;
    font-size: 0.9em;
  }
  .sign-name {
    margin-top: 3.5em;
    font-weight: 700;
  }
  .annexes {
    border-top: 1px solid var(--_border);
    margin-top: 1.5em;
  }

  @media print {
    :host {
      color: #000;
      background: #fff;
      font-family: 'Times New Roman', Times, serif;
      font-size: 13pt;
    }
    .controls {
      display: none;
    }
    .document {
      border: none;
      padding: 0;
      font-family: inherit;
    }
    .document.large {
      font-size: inherit;
    }
    .document * {
      color: #000 !important;
    }
    .heading {
      flex-wrap: nowrap;
    }
    .course > li.running {
      border: none;
      padding: 0;
    }
    .signatures {
      break-inside: avoid;
    }
  }
`;
