import { css } from 'lit';

export const partyMeetingRoomStyles = css`
  article {
    border: 1px solid var(--_border);
    border-top: 6px solid var(--_accent);
    border-radius: 10px;
    background: var(--_surface);
    padding: 1em;
    display: grid;
    gap: 1em;
  }
  header h2 {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }
  .cell {
    margin: 0;
    color: var(--_muted);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.5em 0 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    border-radius: 999px;
    padding: 0.15em 0.75em;
    border: 1px solid var(--_border);
    font-weight: 600;
  }
  .phase-open {
    background: #e6f4ea;
    border-color: var(--_ok);
    color: var(--_ok);
  }
  .phase-closed {
    background: #eee;
  }
  .status-connected {
    color: var(--_ok);
  }
  .status-reconnecting,
  .status-connecting {
    color: var(--_warn);
  }
  .status-failed {
    color: var(--_danger);
  }
  .you {
    margin: 0.5em 0 0;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  :host(:fullscreen) {
    --party-font-scale: 1.4;
    font-size: calc(var(--party-font-size, 1.0625rem) * 1.4);
    background: var(--_surface);
    overflow: auto;
    padding: 1em;
  }
  .fullscreen {
    float: right;
    margin-left: 0.5em;
  }
  .confirm {
    border: 2px solid var(--_accent);
    border-radius: 8px;
    padding: 0.75em;
    align-items: center;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
    font-weight: 600;
  }
  .shortcuts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
    padding: 0.4em 0;
    border-bottom: 1px solid var(--_border);
  }
  .section {
    scroll-margin-top: 4em;
    border-top: 1px solid var(--_border);
    padding-top: 0.75em;
  }
  .hint {
    margin: 0;
    padding: 0.6em 0.8em;
    background: #f3f6fb;
    border-radius: 8px;
  }
  .notice {
    border-left: 6px solid var(--_accent);
    padding: 0.75em 1em;
    background: #fff6f6;
    font-size: 1.1em;
  }
  h3 {
    font-size: 1.1em;
    margin: 0 0 0.4em;
  }
  .online ul {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .online li {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.1em 0.7em;
  }
  .online li small {
    color: var(--_muted);
  }
  [role='alert']:empty {
    display: none;
  }
`;
