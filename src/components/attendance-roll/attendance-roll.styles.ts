import { css } from 'lit';

export const attendanceRollStyles = css`
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.5em;
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5em, 1fr));
    gap: 0.5em;
    margin: 0 0 1em;
  }
  .counts div {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.4em 0.6em;
    background: var(--_surface);
  }
  .counts dt {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .counts dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }
  .dot {
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    background: #9a9a9a;
    flex: none;
  }
  .dot.online {
    background: var(--_ok);
  }
  .badge {
    font-size: 0.85em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
    color: var(--_muted);
  }
  .mark {
    font-size: 0.95em;
  }
  .mark.present-online {
    color: var(--_ok);
  }
  .mark.absent-with-reason {
    color: var(--_warn);
  }
  .mark.absent-without-reason {
    color: var(--_danger);
  }
  .mark.unmarked {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .actions button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: #fde8ea;
    font-weight: 600;
  }
  form {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: end;
  }
  form label {
    flex-basis: 100%;
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 0 0.6em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    flex: 1 1 14em;
  }
`;
