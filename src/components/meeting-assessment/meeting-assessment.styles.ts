import { css } from 'lit';

export const meetingAssessmentStyles = css`
  section {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
  }
  form {
    max-width: 52em;
    border: 2px solid var(--_border);
    border-radius: 10px;
    padding: 0.75em 1em;
    background: var(--_surface);
  }
  .about {
    font-weight: 600;
    margin-top: -0.6em;
  }
  .note {
    border-left: 6px solid var(--_warn);
    padding: 0.4em 0.8em;
  }
  .criteria {
    gap: 0.6em;
  }
  .criterion {
    display: grid;
    grid-template-columns: minmax(0, 32em) 6em;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .criterion label {
    font-weight: normal;
  }
  .criterion input {
    text-align: end;
  }
  .grades {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .total {
    font-weight: 700;
    font-size: 1.1em;
    border-left: 6px solid var(--_border);
    padding: 0.3em 0.8em;
  }
  .grade-good {
    color: var(--_ok);
    border-color: var(--_ok);
  }
  .grade-fair {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .grade-average {
    color: var(--_warn);
    border-color: var(--_warn);
  }
  .grade-weak {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .feedback ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .feedback li {
    border-top: 1px solid var(--_border);
    padding: 0.75em 0;
    display: grid;
    gap: 0.4em;
  }
  .summary {
    font-weight: 600;
  }
  .by {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.2em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.4em;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .criteria-table {
    width: 100%;
    max-width: 36em;
  }
  .criteria-table caption {
    text-align: start;
    font-weight: 600;
  }
  .criteria-table th,
  .criteria-table td {
    border-bottom: 1px solid var(--_border);
    padding: 0.25em 0.4em;
    text-align: start;
    font-weight: normal;
  }
  .criteria-table td {
    text-align: end;
    white-space: nowrap;
  }
  @container (max-width: 26em) {
    .criterion {
      grid-template-columns: 1fr 5em;
    }
  }
  @media print {
    form {
      display: none;
    }
  }
`;
