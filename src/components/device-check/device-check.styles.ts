import { css } from 'lit';

export const deviceCheckStyles = css`
  section {
    display: grid;
    gap: 0.9em;
    max-width: 60em;
  }
  h2 {
    font-size: 1.35em;
    margin: 0;
  }
  h3 {
    font-size: 1.1em;
    margin: 0;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  .note {
    color: var(--_muted);
  }
  .status {
    font-weight: 600;
    font-size: 1.1em;
  }
  header {
    display: grid;
    gap: 0.3em;
  }
  ol {
    margin: 0;
    padding-left: 1.6em;
    display: grid;
    gap: 0.35em;
  }
  li::marker {
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  button.big {
    /* Large enough for a thumb and for eyes that need glasses: full width on a phone. */
    flex: 1 1 15em;
    max-width: 30em;
    min-height: 56px;
    font-size: 1.1em;
    font-weight: 600;
  }
  button.quiet {
    border-color: transparent;
    text-decoration: underline;
    color: var(--_text);
    flex: 1 1 15em;
  }
  .procedure {
    border-left: 6px solid var(--_ok);
    padding: 0.5em 0.9em;
    background: #eef7f0;
    border-radius: 6px;
  }
  .advice,
  .help {
    display: grid;
    gap: 0.7em;
    border: 2px solid var(--_warn);
    border-radius: 10px;
    padding: 0.9em 1em;
    background: #fff8e6;
  }
  .help {
    border-color: var(--_danger);
    background: #fdf1f1;
  }
  .failure {
    font-size: 1.15em;
  }
  .how {
    display: grid;
    gap: 0.4em;
  }
  .copy-status {
    font-weight: 600;
    color: var(--_ok);
  }
  .copy-status[data-copy='failed'] {
    color: var(--_danger);
  }
  .link {
    display: grid;
    gap: 0.3em;
    font-weight: 600;
  }
  .link input {
    font: inherit;
    font-weight: 400;
    min-height: 44px;
    padding: 0.3em 0.5em;
    border: 2px solid var(--_border);
    border-radius: 6px;
    width: 100%;
    box-sizing: border-box;
  }
  .ready {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
    gap: 1em 1.5em;
    align-items: start;
  }
  .ready .main {
    display: grid;
    gap: 0.9em;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 0.3em;
  }
  figcaption {
    color: var(--_muted);
  }
  video,
  .no-picture {
    width: 100%;
    aspect-ratio: 4 / 3;
    /* Short enough that "Vào họp" below it is on the first screen of a laptop too. */
    max-height: 40vh;
    border-radius: 10px;
    background: #222;
    color: #fff;
    object-fit: cover;
  }
  video {
    /* A mirror, as people expect of their own picture. */
    transform: scaleX(-1);
  }
  .no-picture {
    display: grid;
    place-items: center;
    text-align: center;
    padding: 1em;
    box-sizing: border-box;
  }
  .controls {
    display: grid;
    gap: 1em;
  }
  .missing {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    font-weight: 600;
    color: var(--_warn);
  }
  .missing p {
    flex: 1 1 14em;
  }
  .devices {
    display: grid;
    gap: 0.7em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  select {
    font: inherit;
    min-height: 48px;
    width: 100%;
    padding: 0.3em 0.5em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
  }
  .meter {
    display: grid;
    gap: 0.3em;
  }
  .meter-label {
    font-weight: 600;
  }
  .bar {
    width: 100%;
    height: 2em;
    border: 2px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    box-sizing: border-box;
  }
  .bar .fill {
    fill: var(--_muted);
  }
  .bar.heard .fill {
    fill: var(--_ok);
  }
  .heard {
    font-weight: 600;
  }
  .heard[data-heard='true'] {
    color: var(--_ok);
  }
  .sound {
    display: grid;
    gap: 0.4em;
  }
  .sound button {
    justify-self: stretch;
  }
`;
