import { css } from 'lit';

export const votePanelStyles = css`
  section[part='base'] {
    display: grid;
    gap: 1em;
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  h3 {
    font-size: 1.15em;
    margin: 0;
    line-height: 1.3;
  }
  h4 {
    font-size: 1em;
    margin: 0.75em 0 0.25em;
  }
  p {
    margin: 0.4em 0;
  }
  /* Kept in the accessibility tree, so that a refusal is announced when it appears, but out of the layout while empty. */
  [role='alert']:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .motion {
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.9em;
    background: var(--_surface);
    min-width: 0;
  }
  .motion.current {
    border: 3px solid var(--_accent);
  }
  .kicker {
    margin: 0 0 0.2em;
    font-size: 0.9em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--_muted);
  }
  .kicker.voting {
    color: var(--_accent);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .chip {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.6em;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .hint {
    color: var(--_muted);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-top: 0.75em;
  }
  .confirm {
    border: 2px solid var(--_accent);
    border-radius: 8px;
    padding: 0.75em;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
    font-weight: 600;
  }

  /* The member's ballot: three large buttons, one per row on a phone. */
  .ballot {
    margin-top: 0.75em;
  }
  .prompt {
    font-weight: 600;
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: 0.6em;
  }
  button.choice {
    min-height: 64px;
    font-size: 1.2em;
    font-weight: 700;
    border-width: 3px;
  }
  button.choice.agree {
    border-color: var(--_ok);
    color: var(--_ok);
  }
  button.choice.disagree {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button.choice.other {
    border-color: var(--_warn);
    color: var(--_warn);
  }
  button.choice.small {
    min-height: 44px;
    font-size: 1em;
    border-width: 2px;
    padding: 0.3em 0.4em;
  }
  button[aria-pressed='true'] {
    background: #fdf3d6;
    box-shadow: inset 0 0 0 2px currentColor;
  }
  button[aria-pressed='true']::before {
    content: '✓ ';
  }
  .done {
    font-weight: 700;
    color: var(--_ok);
    font-size: 1.1em;
  }
  .reason {
    border-left: 5px solid var(--_warn);
    background: #fff8e6;
    padding: 0.5em 0.8em;
    border-radius: 6px;
  }
  .reason-title {
    font-weight: 700;
  }

  /* Progress, rooms and approvals. */
  .not-voted {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .not-voted li {
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.1em 0.5em;
  }
  .room,
  .approvals,
  .live {
    border-top: 1px solid var(--_border);
    margin-top: 0.75em;
    padding-top: 0.25em;
  }
  .hands li,
  .approvals li {
    border-top: 1px solid var(--_border);
    padding: 0.5em 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
    align-items: center;
    justify-content: space-between;
  }
  .name {
    font-weight: 600;
  }
  .recorded,
  .done-mark {
    color: var(--_ok);
    font-weight: 600;
  }
  .hands .actions {
    flex-basis: 100%;
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.4em;
  }
  form.paper {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8em, 1fr));
    gap: 0.5em;
    align-items: end;
  }
  form.paper .controls {
    grid-column: 1 / -1;
    margin: 0;
  }

  /* The result. */
  .verdict {
    font-size: 1.35em;
    font-weight: 800;
    margin: 0.5em 0 0;
  }
  .passed .verdict {
    color: var(--_ok);
  }
  .failed .verdict {
    color: var(--_danger);
  }
  .rule {
    font-weight: 600;
  }
  .bar {
    margin: 0.75em 0;
  }
  .track {
    display: block;
    width: 100%;
    height: 1.6em;
    border-radius: 6px;
    border: 1px solid var(--_border);
    background: repeating-linear-gradient(135deg, #eeeeee 0 6px, #f8f8f8 6px 12px);
  }
  .seg.agree {
    fill: var(--_ok);
  }
  .seg.disagree {
    fill: var(--_danger);
  }
  .seg.other {
    fill: var(--_warn);
  }
  .marker {
    stroke: var(--_text);
    stroke-width: 3px;
    vector-effect: non-scaling-stroke;
  }
  .marker-label {
    margin: 0 0 0.2em;
    font-size: 0.9em;
    font-weight: 700;
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
    margin-right: 0.35em;
    vertical-align: -0.05em;
    background: var(--_ok);
  }
  .swatch.disagree {
    background: var(--_danger);
  }
  .swatch.other {
    background: var(--_warn);
  }
  .swatch.rest {
    background: repeating-linear-gradient(135deg, #d6d6d6 0 3px, #f8f8f8 3px 6px);
    border: 1px solid var(--_border);
  }
  .legend {
    margin: 0.2em 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8em, 1fr));
    gap: 0.4em;
    margin: 0.5em 0;
  }
  .counts div {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.3em 0.6em;
  }
  .counts dt {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .counts dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 700;
  }
  .denominator .label {
    font-weight: 600;
  }
  .named dl {
    margin: 0;
  }
  .named dt {
    font-weight: 600;
  }
  .named dd {
    margin: 0 0 0.4em;
  }

  /* The chair's drafts and form. */
  .drafts {
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.9em;
    background: var(--_surface);
  }
  .drafts h3 {
    margin-bottom: 0.4em;
  }
  .drafts li {
    border-top: 1px solid var(--_border);
    padding: 0.5em 0;
  }
  .drafts .name {
    margin: 0;
  }
  .motion-form {
    background: var(--_surface);
    display: grid;
    gap: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.9em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  textarea,
  select,
  input[type='number'] {
    font: inherit;
    min-height: 44px;
    padding: 0.3em 0.6em;
    border: 2px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    box-sizing: border-box;
    width: 100%;
  }
  textarea {
    resize: vertical;
  }
  textarea:focus-visible,
  select:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: 8px;
    margin: 0;
    padding: 0.4em 0.8em 0.6em;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.3em;
  }
  label.option {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: 44px;
    font-weight: 400;
    cursor: pointer;
  }
  label.option input {
    width: 1.4em;
    height: 1.4em;
    flex: none;
    margin: 0;
  }
`;
