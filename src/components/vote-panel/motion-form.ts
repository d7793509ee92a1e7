/** The chair's preparation of votes: the form that drafts a motion, and the drafts waiting to be put to the vote. */
import { html, nothing } from 'lit';
import type { Command, ContentTag, Motion, Rejection, Threshold } from '../../core/index.js';
import { rejectionMessage } from '../shared/i18n.js';
import type { MotionDraft } from './vote-panel.events.js';
import type { ResultView, Say } from './vote-result.js';

// Every content tag of the core, in the order a chair looks for them; the
// `satisfies` fails to compile when the core adds a tag this list lacks.
const TAG_ORDER = {
  resolution: 1,
  'minutes-adoption': 1,
  election: 1,
  admission: 1,
  confirmation: 1,
  discipline: 1,
  rating: 1,
  classified: 1,
  other: 1,
} satisfies Record<ContentTag, 1>;

/** The content tags offered, in order. */
export const CONTENT_TAGS = Object.keys(TAG_ORDER) as ContentTag[];

const THRESHOLDS: readonly Threshold[] = ['majority', 'two-thirds'];
const BALLOTS = ['open', 'secret'] as const;

/** What the form needs from its host. */
export interface MotionFormHost {
  readonly say: Say;
  /** The ballot chosen so far (the radios' default is open): the options for changing votes and a live tally exist only for an open vote. */
  readonly ballot: MotionDraft['ballot'];
  onBallotChange(ballot: MotionDraft['ballot']): void;
  onSubmit(event: SubmitEvent): void;
}

/** The form. `novalidate`: the core's refusal is shown in the panel's language, not the browser's. */
export function renderMotionForm(host: MotionFormHost) {
  const { say } = host;
  return html`<form class="motion-form" part="motion-form" novalidate aria-labelledby="form-title" @submit=${host.onSubmit}>
    <h3 id="form-title">${say('form.title')}</h3>
    <div class="field">
      <label for="motion-title">${say('form.motion-title')}</label>
      <textarea id="motion-title" name="title" rows="2" maxlength="500" placeholder=${say('form.motion-title-hint')}></textarea>
    </div>
    <div class="field">
      <label for="motion-tag">${say('form.tag')}</label>
      <select id="motion-tag" name="tag">
        ${CONTENT_TAGS.map((tag) => html`<option value=${tag}>${say(`tag.${tag}`)}</option>`)}
      </select>
    </div>
    <fieldset>
      <legend>${say('form.ballot')}</legend>
      ${BALLOTS.map(
        (ballot) => html`<label class="option">
          <input
            type="radio"
            name="ballot"
            value=${ballot}
            ?checked=${ballot === 'open'}
            @change=${() => host.onBallotChange(ballot)}
          />
          <span>${say(`form.ballot.${ballot}`)}</span>
        </label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${say('form.threshold')}</legend>
      ${THRESHOLDS.map(
        (threshold, i) => html`<label class="option">
          <input type="radio" name="threshold" value=${threshold} ?checked=${i === 0} />
          <span>${say(`form.threshold.${threshold}`)}</span>
        </label>`,
      )}
    </fieldset>
    ${host.ballot === 'open'
      ? html`<fieldset>
          <legend>${say('form.options')}</legend>
          <label class="option"><input type="checkbox" name="allowChange" /><span>${say('form.allow-change')}</span></label>
          <label class="option"><input type="checkbox" name="showLiveTally" /><span>${say('form.live-tally')}</span></label>
        </fieldset>`
      : nothing}
    <div class="controls">
      <button type="submit" class="primary" data-action="create-motion">${say('form.submit')}</button>
    </div>
  </form>`;
}

/** A fresh motion id: unique enough within one meeting, and within the protocol's 64 characters. */
function newMotionId(): string {
  return `motion-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The motion the form describes. A secret ballot never allows a change and
 * has no running tally: the projection keeps its totals sealed until it closes.
 */
export function readMotionForm(form: HTMLFormElement): MotionDraft {
  const data = new FormData(form);
  const ballot = data.get('ballot') === 'secret' ? 'secret' : 'open';
  const threshold = data.get('threshold') === 'two-thirds' ? 'two-thirds' : 'majority';
  const tag = String(data.get('tag') ?? 'other') as ContentTag;
  return {
    id: newMotionId(),
    title: String(data.get('title') ?? ''),
    ballot,
    threshold,
    tags: [tag],
    allowChange: ballot === 'open' && data.has('allowChange'),
    showLiveTally: ballot === 'open' && data.has('showLiveTally'),
  };
}

/** What the list of drafts needs from the panel. */
export interface DraftsHost extends ResultView {
  readonly drafts: readonly Motion[];
  /** Why the core would refuse this command from the viewer now, or undefined if it would accept it. */
  refusalOf(command: Command): Rejection | undefined;
  onOpen(motion: Motion): void;
}

/** The motions waiting to be voted on, each with its start button, or why it cannot start now. */
export function renderDrafts(host: DraftsHost) {
  const { say } = host;
  return html`<section class="drafts" part="drafts" aria-labelledby="drafts-title">
    <h3 id="drafts-title">${say('drafts.title')}</h3>
    <ul>
      ${host.drafts.map((motion) => {
        const refusal = host.refusalOf({ type: 'open-vote', motionId: motion.id });
        return html`<li data-motion-id=${motion.id}>
          <p class="name">${motion.title}</p>
          <p class="meta">
            <span class="chip">${say(`ballot.${motion.ballot}`)}</span>
            <span class="chip">${say(`meta.needs.${motion.threshold}`)}</span>
          </p>
          ${refusal
            ? html`<p class="hint">${rejectionMessage(host.lang, refusal.code, refusal.message)}</p>`
            : html`<button type="button" class="primary" data-action="open-vote" data-motion-id=${motion.id} @click=${() => host.onOpen(motion)}>
                ${say('action.open')}
              </button>`}
        </li>`;
      })}
    </ul>
  </section>`;
}
