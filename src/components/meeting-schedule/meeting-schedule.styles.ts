import { css } from 'lit';

export const meetingScheduleStyles = css`
  form[part='form'] {
    max-width: 72em;
  }
  /* On a wide screen the check stays in view beside the form while the person fills it in. */
  @container (min-width: 52em) {
    form[part='form'] {
      grid-template-columns: minmax(0, 1fr) minmax(18em, 26em);
      column-gap: 1.5em;
      align-items: start;
    }
    form[part='form'] > * {
      grid-column: 1;
    }
    form[part='form'] > .check {
      grid-column: 2;
      grid-row: 1 / span 12;
      position: sticky;
      top: 0.5em;
    }
  }
  .verdict-again {
    flex: 1 1 100%;
    font-weight: 600;
  }
  .verdict-again.ok {
    color: var(--_ok);
  }
  .verdict-again.no {
    color: var(--_danger);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 0.9em;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
    gap: 0 1em;
  }
  .item {
    display: grid;
    gap: 0.5em;
    padding: 0.6em 0;
    border-top: 1px solid var(--_border);
  }
  .item:first-of-type {
    border-top: 0;
  }
  .item .remove {
    justify-self: start;
  }
  .agenda summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
    font-weight: 600;
  }
  .agenda summary::before {
    content: '▸';
    display: inline-block;
    width: 1.2em;
  }
  .agenda[open] summary::before {
    content: '▾';
  }
  .agenda summary:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  .agenda ol {
    margin: 0.3em 0 0;
    padding-left: 1.6em;
  }
  .check {
    border: 2px solid var(--_border);
    border-left-width: 8px;
    border-radius: 10px;
    padding: 0.6em 0.9em;
    background: var(--_surface);
    display: grid;
    gap: 0.4em;
  }
  .check.ok {
    border-left-color: var(--_ok);
  }
  .check.no {
    border-left-color: var(--_danger);
  }
  .check .verdict {
    font-weight: 700;
  }
  .check.ok .verdict {
    color: var(--_ok);
  }
  .check.no .verdict {
    color: var(--_danger);
  }
  .check ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.45em;
  }
  .check li {
    display: grid;
    grid-template-columns: 1.4em 1fr;
    gap: 0.2em 0.4em;
    overflow-wrap: anywhere;
  }
  .check li button {
    grid-column: 2;
    justify-self: start;
  }
  .check li.ok .mark {
    color: var(--_ok);
    font-weight: 700;
  }
  .check li.no .mark {
    color: var(--_danger);
    font-weight: 700;
  }
  .server-refusal {
    border: 2px solid var(--_danger);
    border-radius: 10px;
    padding: 0.6em 0.9em;
    color: var(--_danger);
    font-weight: 600;
  }
  .server-refusal ul {
    margin: 0.3em 0 0;
    padding-left: 1.2em;
    font-weight: normal;
    color: var(--_text);
  }
  .registered {
    margin-top: 1.2em;
  }
  .registered ul {
    margin: 0;
    padding-left: 1.2em;
  }

  /* The upper level's calendar and list. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em 1.25em;
    margin: 0 0 1em;
  }
  .month-nav {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .month-nav input {
    width: auto;
    min-width: 0;
    flex: 1 1 9em;
  }
  .month-nav button {
    flex: none;
    white-space: nowrap;
  }
  .calendar .narrow {
    display: none;
  }
  .calendar {
    width: 100%;
    table-layout: fixed;
    margin: 0 0 1.2em;
  }
  .calendar caption {
    text-align: start;
    font-weight: 700;
    padding: 0 0 0.3em;
  }
  .calendar th {
    font-size: 0.85em;
    color: var(--_muted);
    padding: 0.2em 0;
  }
  .calendar td {
    border: 1px solid var(--_border);
    vertical-align: top;
    height: 4.2em;
    padding: 0.15em;
    overflow: hidden;
  }
  .calendar td.empty {
    background: transparent;
    border-color: transparent;
  }
  .calendar td.has {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .calendar .day {
    display: block;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .day-button {
    display: grid;
    justify-items: start;
    gap: 0.1em;
    width: 100%;
    min-height: 44px;
    padding: 0.1em 0.2em;
    border-color: var(--_accent);
    font-size: 0.85em;
    text-align: start;
  }
  .dot {
    font-weight: 700;
    color: var(--_accent);
  }
  .titles {
    display: grid;
    gap: 0.1em;
    width: 100%;
  }
  .chip {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    font-size: 0.9em;
  }
  .list ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list > ul > li {
    border-top: 1px solid var(--_border);
    padding: 0.75em 0.2em;
    display: grid;
    gap: 0.35em;
  }
  .list > ul > li:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.6em;
  }
  .head time {
    font-weight: 700;
  }
  .name {
    overflow-wrap: anywhere;
  }
  .mode-online {
    color: var(--_accent);
  }
  .phase {
    color: var(--_muted);
  }
  .invites {
    list-style: disc;
    padding-left: 1.2em !important;
    overflow-wrap: anywhere;
  }
  .withdraw {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .withdraw button {
    min-height: 44px;
  }
  .withdraw.confirm {
    display: block;
    border: 2px solid var(--_danger, #b3261e);
    border-radius: 10px;
    padding: 0.5em 1em;
  }
  form.assign {
    border: 2px solid var(--_border);
    border-radius: 10px;
    padding: 0.75em 1em;
    background: var(--_surface);
  }
  @container (max-width: 30em) {
    .titles {
      display: none;
    }
    .calendar td {
      height: auto;
      padding: 0.1em;
    }
    .day-button {
      justify-items: center;
      padding: 0;
    }
    .month-nav button {
      min-width: 44px;
      padding: 0.4em 0.6em;
    }
    /* The arrows stay; the words are still read by screen readers. */
    .nav-word,
    .calendar .wide {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .calendar .narrow {
      display: inline;
    }
    .filters > .field {
      flex: 1 1 100%;
    }
  }
`;
