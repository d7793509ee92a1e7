import { css } from 'lit';

export const speakerQueueStyles = css`
  section {
    display: grid;
    gap: 0.75em;
  }
  .floor {
    border: 2px solid var(--_border);
    border-radius: 10px;
    padding: 0.75em 1em;
    background: var(--_surface);
    gap: 0.4em;
  }
  .floor.active {
    border-color: var(--_ok);
    border-left-width: 8px;
  }
  .floor.mine {
    background: #e6f4ea;
  }
  .floor .you {
    font-size: 1.2em;
    font-weight: 700;
    color: var(--_ok);
  }
  .speaking {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.5em;
    font-size: 1.1em;
  }
  .timer {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    font-size: 1.3em;
    margin-left: auto;
  }
  .mute-state {
    color: var(--_muted);
  }
  .mute-state.on {
    color: var(--_warn);
    font-weight: 600;
  }
  .floor button,
  .hand-toggle {
    justify-self: start;
  }
  .hand {
    display: grid;
    gap: 0.4em;
  }
  .hand-toggle {
    /* The one control most members use: full width on a phone, a large target. */
    width: 100%;
    max-width: 22em;
    min-height: 60px;
    font-size: 1.15em;
    font-weight: 700;
    padding: 0.4em 1.2em;
    border-color: var(--_accent);
    color: var(--_accent);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
  }
  .hand-toggle::before {
    content: '';
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    border: 2px solid currentColor;
    flex: none;
  }
  .hand-toggle.raised::before {
    background: currentColor;
  }
  .hand-toggle.raised {
    background: var(--_accent);
    color: #fff;
  }
  .hand-note {
    font-weight: 600;
  }
  .hand-note:empty {
    display: none;
  }
  .queue,
  .delegates,
  .times {
    margin-top: 0.5em;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.mine {
    background: #fde8ea;
    padding-inline: 0.5em;
    border-radius: 6px;
  }
  .position {
    display: inline-grid;
    place-items: center;
    min-width: 1.8em;
    height: 1.8em;
    border-radius: 50%;
    background: var(--_text);
    color: var(--_surface);
    font-weight: 700;
  }
  .org,
  .wait {
    color: var(--_muted);
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  .badge {
    font-size: 0.85em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
    color: var(--_muted);
  }
  .now {
    color: var(--_ok);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding-right: 0.4em;
    cursor: pointer;
  }
  .check input {
    width: 1.4em;
    height: 1.4em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .times li {
    flex-wrap: nowrap;
  }
  .times time {
    margin-left: auto;
    font-weight: 600;
  }
`;
