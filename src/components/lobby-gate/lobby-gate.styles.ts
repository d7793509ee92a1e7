import { css } from 'lit';

export const lobbyGateStyles = css`

  /* A participant's screen: one calm card, large type, nothing to press. */
  .card {
    /* Lines of a readable length on a wide screen; the full width on a phone. */
    max-width: 42em;
    display: grid;
    gap: 0.6em;
    border: 2px solid var(--_border);
    border-left-width: 8px;
    border-radius: 12px;
    padding: 1em 1.1em;
    background: var(--_surface);
  }
  .card.waiting {
    border-left-color: var(--_ok);
  }
  .card.refused {
    border-left-color: var(--_danger);
  }
  .eyebrow {
    font-size: 0.9em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .card h2 {
    font-size: 1.35em;
    line-height: 1.3;
  }
  .cell {
    color: var(--_muted);
  }
  .message,
  .verdict {
    font-size: 1.15em;
    font-weight: 600;
  }
  .verdict {
    color: var(--_danger);
  }
  .pulse {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-right: 0.5em;
    border-radius: 50%;
    background: var(--_ok);
    vertical-align: 0.05em;
    animation: pulse 2.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      animation: none;
    }
  }
  .waited {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.5em;
  }
  .waited time {
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .hint,
  .next {
    color: var(--_text);
  }
  .next {
    font-weight: 600;
  }
  .banner {
    border: 2px solid var(--_ok);
    border-left-width: 8px;
    border-radius: 12px;
    padding: 0.75em 1em;
    background: #e6f4ea;
    color: var(--_ok);
    font-size: 1.15em;
    font-weight: 700;
  }

  /* The chair's panel. */
  .chair,
  .group {
    display: grid;
    gap: 0.6em;
  }
  .chair {
    gap: 1em;
  }
  .group-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .badge {
    font-size: 0.85em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
    color: var(--_muted);
  }
  .wait,
  .when,
  .reason {
    color: var(--_muted);
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  .actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    /* Wide enough apart that a thumb meant for one button does not press the other. */
    gap: 0.5em 0.9em;
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
  .refuse-form {
    flex-basis: 100%;
    display: grid;
    gap: 0.5em;
    padding: 0.6em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .refuse-form label {
    display: grid;
    gap: 0.3em;
  }
  .optional {
    color: var(--_muted);
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 0 0.6em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    min-width: 0;
  }
`;
