/**
 * How a vote's outcome reads: the counts, the legal denominator and how it was
 * reached, the rule applied in words, the sources and a bar with the threshold.
 * Every number comes from the core's `VoteResult`; nothing here counts.
 */
import { html, nothing, svg } from 'lit';
import { findParticipant, type Choice, type Denominator, type MeetingState, type Tally, type VoteResult } from '../../core/index.js';
import type { Lang } from '../shared/i18n.js';
import type { VoteKey } from './vote-panel.strings.js';

/** Looks up one of the panel's strings. */
export type Say = (key: VoteKey, params?: Record<string, string | number>) => string;

/** What the result's text needs besides the result. */
export interface ResultView {
  readonly say: Say;
  readonly lang: Lang;
  readonly meeting: MeetingState;
}

/** The three choices, in the order of the ballot. */
export const CHOICES: readonly Choice[] = ['agree', 'disagree', 'other'];

const EXCLUSIONS = ['attachedElsewhere', 'exemptAbsent', 'suspended', 'absentWithAcceptedReason'] as const;

/** A percentage as the reader writes it: "58,3 %" in Vietnamese, "58.3%" in English. */
export function formatPercent({ say, lang }: Pick<ResultView, 'say' | 'lang'>, percent: number): string {
  const value = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(percent);
  return say('percent', { value });
}

/**
 * How the denominator was reached, in one sentence (QĐ 294-QĐ/TW, 9.3.2):
 * "12 đảng viên chính thức được triệu tập, trừ 1 sinh hoạt tạm thời nơi khác, … → 9".
 */
export function denominatorText(say: Say, d: Denominator): string {
  const exclusions = EXCLUSIONS.filter((field) => d[field] > 0).map((field) => say(`denominator.${field}`, { count: d[field] }));
  const sentence = say('denominator.called', { count: d.called }) + (exclusions.length ? say('denominator.minus', { list: exclusions.join(', ') }) : '');
  return say('denominator.value', { sentence, value: d.value });
}

/** The rule applied, in words: "Đạt: 5/9 tán thành, quá nửa của 9 (cần ít nhất 5)." */
export function ruleText(say: Say, result: VoteResult): string {
  if (result.denominator.value === 0) return say('rule.empty');
  const params = { agree: result.tally.agree, denominator: result.denominator.value, required: result.required };
  return say(`rule.${result.passed ? 'passed' : 'failed'}.${result.threshold}`, params);
}

/** The name of a result's source: online, or a bridge point. */
export function sourceName(view: ResultView, source: string): string {
  if (source === 'online') return view.say('source.online');
  return view.meeting.bridgePoints.find((b) => b.id === source)?.name ?? source;
}

/** A tally in words: "3 tán thành, 1 không tán thành, 0 ý kiến khác". */
export function tallyText(say: Say, tally: Tally): string {
  return say('paper.totals', { agree: tally.agree, disagree: tally.disagree, other: tally.other });
}

/**
 * The agree / disagree / other shares of the legal denominator, with the
 * threshold marked. Hidden from assistive technology: the text beside it says
 * all of it.
 */
export function renderBar(view: ResultView, result: VoteResult) {
  const { tally, required } = result;
  // The bar's whole width is the denominator (never "those present").
  const whole = Math.max(result.denominator.value, result.cast, 1);
  const share = (n: number) => Math.round((n / whole) * 10000) / 100;
  const marker = Math.min(required / whole, 1) * 100;
  let x = 0;
  // SVG attributes, not inline styles: the bar works under a strict Content-Security-Policy.
  const segments = CHOICES.map((choice) => {
    const width = share(tally[choice]);
    const seg = svg`<rect class="seg ${choice}" x=${x} y="0" width=${width} height="10"></rect>`;
    x += width;
    return seg;
  });
  return html`<div class="bar" part="bar" aria-hidden="true">
    <p class="marker-label">${view.say('bar.required', { required })}</p>
    <svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
      ${segments}
      <line class="marker" x1=${marker} x2=${marker} y1="0" y2="10"></line>
    </svg>
  </div>
  ${result.cast < result.denominator.value
    ? html`<p class="legend" aria-hidden="true"><span class="swatch rest"></span>${view.say('bar.absent')}</p>`
    : nothing}`;
}

/** The counts as a definition list; their swatches double as the bar's legend. */
export function renderCounts(view: ResultView, result: VoteResult) {
  const { say } = view;
  return html`<dl class="counts">
    ${CHOICES.map(
      (choice) => html`<div>
        <dt><span class="swatch ${choice}" aria-hidden="true"></span>${say(`choice.${choice}`)}</dt>
        <dd data-count=${choice}>${result.tally[choice]}</dd>
      </div>`,
    )}
    <div>
      <dt>${say('count.cast')}</dt>
      <dd data-count="cast">${result.cast}</dd>
    </div>
    <div>
      <dt>${say('count.percent')}</dt>
      <dd data-count="percent">${formatPercent(view, result.percent)}</dd>
    </div>
  </dl>`;
}

/** A closed vote's outcome: verdict, rule, bar, counts, denominator, sources, and names for an open vote. */
export function renderResult(view: ResultView, result: VoteResult, secret: boolean) {
  const { say } = view;
  return html`<div class="result ${result.passed ? 'passed' : 'failed'}" part="result" data-passed=${String(result.passed)}>
    <p class="verdict" data-verdict>
      <span aria-hidden="true">${result.passed ? '✓' : '✗'}</span> ${say(result.passed ? 'result.passed' : 'result.failed')}
    </p>
    <p class="rule" data-rule>${ruleText(say, result)}</p>
    ${renderBar(view, result)} ${renderCounts(view, result)}
    <p class="denominator">
      <span class="label">${say('denominator.title')}:</span>
      <span data-denominator>${denominatorText(say, result.denominator)}</span>
    </p>
    ${view.meeting.bridgePoints.length > 1 ? renderSources(view, result, secret) : nothing}
    ${!secret && result.named ? renderNamed(view, result.named) : nothing}
  </div>`;
}

/**
 * Per source. For a secret ballot only the number of ballots per source: the
 * split of a small room (or of few online voters) would tell who chose what.
 */
function renderSources(view: ResultView, result: VoteResult, secret: boolean) {
  const { say } = view;
  const sources = Object.entries(result.bySource);
  return html`<div class="sources">
    <h4>${say('source.title')}</h4>
    <ul>
      ${sources.map(
        ([source, tally]) => html`<li data-source=${source}>
          <span class="name">${sourceName(view, source)}:</span>
          ${secret ? say('source.ballots', { count: tally.agree + tally.disagree + tally.other }) : tallyText(say, tally)}
        </li>`,
      )}
    </ul>
  </div>`;
}

/** Who chose what in an open vote, grouped by choice. */
function renderNamed(view: ResultView, named: Readonly<Record<string, Choice>>) {
  const { say, meeting } = view;
  const nameOf = (id: string) => findParticipant(meeting, id)?.name ?? id;
  return html`<div class="named">
    <h4>${say('named.title')}</h4>
    <dl>
      ${CHOICES.map((choice) => {
        const names = Object.entries(named)
          .filter(([, c]) => c === choice)
          .map(([id]) => nameOf(id));
        return html`<div data-named=${choice}>
          <dt>${say(`choice.${choice}`)} (${names.length})</dt>
          <dd>${names.length ? names.join(', ') : '—'}</dd>
        </div>`;
      })}
    </dl>
  </div>`;
}
