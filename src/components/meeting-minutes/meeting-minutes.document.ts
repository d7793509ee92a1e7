import { html, nothing, type TemplateResult } from 'lit';
import {
  findParticipant,
  vietnameseDate,
  type Absentee,
  type MeetingState,
  type MinutesItem,
  type MinutesModel,
  type MinutesNote,
  type Motion,
  type VoteResult,
} from '../../core/index.js';
import type { Lang } from '../shared/i18n.js';
import { clock, clockLong, percent, shortDate, upper } from './meeting-minutes.format.js';
import type { MinutesKey } from './meeting-minutes.strings.js';

/** What the document is drawn from: the core's minutes model, the state it came from, and the element's language. */
export interface DocumentContext {
  readonly model: MinutesModel;
  readonly meeting: MeetingState;
  readonly lang: Lang;
  /** The element's own strings. */
  readonly say: (key: MinutesKey, params?: Record<string, string | number>) => string;
  /** The place of the place-and-date line ("Yên Bái"), if the host gave one. */
  readonly locality?: string;
}

const DENOMINATOR_EXCLUSIONS = ['attachedElsewhere', 'exemptAbsent', 'suspended', 'absentWithAcceptedReason'] as const;

/**
 * The biên bản laid out as a party document (Hướng dẫn 36-HD/VPTW; DOMAIN.md
 * "Minutes"): the issuing organisation top left and the party heading top
 * right, the place-and-date line, the title, sections I–V, the rating, the
 * time closed, the adoption, annexes and the two signature blocks. Text from
 * the record is bound as text, never as HTML.
 */
export function renderDocument(ctx: DocumentContext): TemplateResult {
  const { model, say } = ctx;
  return html`
    <header class="heading" part="header">
      <div class="org">
        ${model.organization.parent ? html`<p class="parent">${upper(model.organization.parent)}</p>` : nothing}
        <p class="cell">${upper(model.organization.cell)}</p>
        <p class="star" aria-hidden="true">*</p>
      </div>
      <div class="party">
        <p class="party-name">${say('party')}</p>
        <p class="dateline">${dateline(ctx)}</p>
      </div>
    </header>
    <h2 class="title" id="minutes-title" part="title" lang="vi">${model.title}</h2>
    ${section('time', say('s1'), renderTime(ctx))} ${section('attendance', say('s2'), renderAttendance(ctx))}
    ${section('course', say('s3'), renderCourse(ctx))} ${section('votes', say('s4'), renderVotes(ctx))}
    ${section('conclusions', say('s5'), renderConclusions(ctx))}
    ${model.closedAt
      ? html`<p data-field="closed">${say('closed', { time: clockLong(model.closedAt, ctx.lang), date: day(ctx, model.closedAt) })}</p>`
      : // Minutes adopted before the close are the text of record as adopted: no "not closed yet" line in them.
        model.status === 'adopted'
        ? nothing
        : html`<p data-field="closed">${say('not-closed')}</p>`}
    ${ctx.meeting.minutes.adoptedAt
      ? html`<p data-field="adopted">${say('adopted-line', { time: clockLong(ctx.meeting.minutes.adoptedAt, ctx.lang), date: day(ctx, ctx.meeting.minutes.adoptedAt) })}</p>`
      : nothing}
    ${renderSignatures(ctx)} ${model.annexes.length ? renderAnnexes(ctx) : nothing}
  `;
}

/** "Yên Bái, ngày 25 tháng 11 năm 2026"; without a locality, the date alone. */
function dateline({ model, meeting, lang, say, locality }: DocumentContext): string {
  const date = lang === 'vi' ? model.date : shortDate(meeting.openedAt ?? meeting.scheduledAt);
  return locality ? say('dateline', { place: locality, date }) : date.charAt(0).toUpperCase() + date.slice(1);
}

/** A day: "ngày 25 tháng 11 năm 2026" in Vietnamese, "25/11/2026" in English. */
function day({ lang }: DocumentContext, iso: string): string {
  return lang === 'vi' ? vietnameseDate(iso) : shortDate(iso);
}

function section(name: string, heading: string, body: TemplateResult): TemplateResult {
  return html`<section class="part" part="section ${name}" data-section=${name} aria-labelledby="h-${name}">
    <h3 id="h-${name}">${heading}</h3>
    ${body}
  </section>`;
}

function renderTime(ctx: DocumentContext): TemplateResult {
  const { model, meeting, say, lang } = ctx;
  const start = model.openedAt ?? meeting.scheduledAt;
  const [main, ...others] = model.bridgePoints;
  return html`
    <p data-field="time">${say(model.openedAt ? 'time.opened' : 'time.planned', { time: clockLong(start, lang), date: day(ctx, start) })}</p>
    <p data-field="place">${say('place', { place: model.place })}</p>
    <p data-field="mode">${say('mode', { mode: say(`mode.${meeting.mode}`) })}</p>
    ${others.length
      ? html`<p>${say('bridge-points', { count: model.bridgePoints.length })}</p>
          <ul data-field="bridge-points">
            <li>${say('bridge-point.main', { name: main! })}</li>
            ${others.map((name) => html`<li>${name}</li>`)}
          </ul>`
      : nothing}
  `;
}

function renderAttendance({ model, say }: DocumentContext): TemplateResult {
  const a = model.attendance;
  const withReason = a.absentees.filter((x) => x.mark === 'absent-with-reason');
  const withoutReason = a.absentees.filter((x) => x.mark === 'absent-without-reason');
  const exemptAbsent = a.absentees.filter((x) => x.mark === 'exempt');
  return html`
    <p data-field="chair">${say('chair', { name: model.chair })}</p>
    <p data-field="recorder">${model.recorder ? say('recorder', { name: model.recorder }) : say('recorder.none')}</p>
    ${model.delegates.length
      ? html`<p>${say('delegates')}</p>
          <ul data-field="delegates">
            ${model.delegates.map(
              (d) => html`<li>${d.organization ? say('delegate.org', { name: d.name, organization: d.organization }) : say('delegate', { name: d.name })}</li>`,
            )}
          </ul>`
      : html`<p data-field="delegates">${say('delegates.none')}</p>`}
    <p data-field="total">
      ${say('att.total', { total: a.total, full: a.full, probationary: a.probationary, attachedHere: a.attachedHere })}
    </p>
    <p data-field="exempt">${say('att.exempt', { exempt: a.exempt })}</p>
    <p data-field="present">${say('att.present', { present: a.present, inPerson: a.presentInPerson, online: a.presentOnline })}</p>
    ${absentees('with-reason', say('att.with-reason', { count: a.absentWithReason }), withReason, say)}
    ${absentees('without-reason', say('att.without-reason', { count: a.absentWithoutReason }), withoutReason, say)}
    ${exemptAbsent.length ? absentees('exempt-absent', say('att.exempt-absent', { count: a.absentExempt }), exemptAbsent, say) : nothing}
    ${a.unmarked ? html`<p data-field="unmarked">${say('att.unmarked', { count: a.unmarked })}</p>` : nothing}
  `;
}

function absentees(field: string, heading: string, list: readonly Absentee[], say: DocumentContext['say']): TemplateResult {
  return html`<div class="absent" data-field=${field}>
    <p>${heading}${list.length ? ':' : '.'}</p>
    ${list.length
      ? html`<ul>
          ${list.map(
            (x) => html`<li data-member-id=${x.memberId}>
              ${x.reason ? say('absentee.reason', { name: x.name, reason: x.reason }) : say('absentee', { name: x.name })}
            </li>`,
          )}
        </ul>`
      : nothing}
  </div>`;
}

function renderCourse(ctx: DocumentContext): TemplateResult {
  return html`<ol class="course">
    ${ctx.model.course.map((entry) => renderItem(ctx, entry))}
  </ol>`;
}

function renderItem({ say }: DocumentContext, { item, speeches, notes }: MinutesItem): TemplateResult {
  let when: string;
  if (item.status === 'skipped') when = say('item.skipped', { reason: item.skipReason ?? '' });
  else if (item.status === 'running') when = say('item.running', { from: clock(item.startedAt!) });
  else if (item.status === 'done') when = say('item.done', { from: clock(item.startedAt!), to: clock(item.endedAt!) });
  else when = say('item.pending');
  return html`<li data-item-id=${item.id} data-status=${item.status} class=${item.status}>
    <p class="item-title">${item.title}</p>
    <p class="when">${when}</p>
    ${speeches.length
      ? html`<p class="sub">${say('speeches')}</p>
          <ul class="speeches">
            ${speeches.map((s) => html`<li>${say('speech', { name: s.name, from: clock(s.from), to: clock(s.to) })}</li>`)}
          </ul>`
      : nothing}
    ${notes.length
      ? html`<p class="sub">${say('notes')}</p>
          <ul class="notes">
            ${notes.map((n) => html`<li><span class="at">${clock(n.at)}</span> ${n.text}</li>`)}
          </ul>`
      : nothing}
  </li>`;
}

function renderVotes(ctx: DocumentContext): TemplateResult {
  const { model, meeting, say } = ctx;
  if (!model.votes.length) return html`<p>${say('votes.none')}</p>`;
  // minutesOf lists the motions in the state's order, so the two line up.
  return html`<ol class="votes">
    ${model.votes.map((vote, i) => renderVote(ctx, meeting.motions[i]!, vote.title, vote.ballot, vote.result))}
  </ol>`;
}

function renderVote(ctx: DocumentContext, motion: Motion, title: string, ballot: 'open' | 'secret', result?: VoteResult): TemplateResult {
  const { say, lang } = ctx;
  return html`<li data-motion-id=${motion.id}>
    <p class="item-title">${title}</p>
    <p class="sub">${say(`ballot.${ballot}`)}</p>
    ${result ? renderResult(result, say, lang) : html`<p>${say(motion.status === 'voting' ? 'vote.voting' : 'vote.draft')}</p>`}
  </li>`;
}

function renderResult(r: VoteResult, say: DocumentContext['say'], lang: Lang): TemplateResult {
  const d = r.denominator;
  const minus = DENOMINATOR_EXCLUSIONS.filter((key) => d[key] > 0).map((key) => say(`vote.minus.${key}`, { count: d[key] }));
  return html`<div class="result" data-passed=${String(r.passed)}>
    <p data-field="agree">
      ${say('vote.agree', { agree: r.tally.agree, denominator: d.value, percent: percent(r.percent, lang) })} —
      <strong class=${r.passed ? 'passed' : 'failed'}>${say(r.passed ? 'vote.passed' : 'vote.failed')}</strong>
    </p>
    <p data-field="others">${say('vote.others', { disagree: r.tally.disagree, other: r.tally.other, cast: r.cast })}</p>
    <p data-field="denominator">${[say('vote.denominator', { value: d.value, called: d.called }), ...minus].join(', ')}.</p>
    <p data-field="rule">${say(`vote.rule.${r.threshold}`, { required: r.required })}</p>
  </div>`;
}

function renderConclusions({ model, say }: DocumentContext): TemplateResult {
  return html`
    <p class="sub">${say('conclusions')}</p>
    ${model.conclusions.length
      ? html`<ul data-field="conclusions">
          ${model.conclusions.map((c) => html`<li>${c.text}</li>`)}
        </ul>`
      : html`<p data-field="conclusions">${say('conclusions.none')}</p>`}
    <p class="sub">${say('tasks')}</p>
    ${model.tasks.length
      ? html`<ol data-field="tasks">
          ${model.tasks.map(
            (t) => html`<li>
              <span class="task">${t.description}</span>
              <span class="who">${say('task.who', { name: t.assignee, deadline: shortDate(t.deadline) })}</span>
            </li>`,
          )}
        </ol>`
      : html`<p data-field="tasks">${say('tasks.none')}</p>`}
    <p data-field="rating">
      ${model.rating ? say('rating', { score: model.rating.score }) : say('rating.none')}
      ${model.rating?.note ? html`<span class="rating-note">${say('rating.note', { note: model.rating.note })}</span>` : nothing}
    </p>
  `;
}

function renderAnnexes(ctx: DocumentContext): TemplateResult {
  const { model, meeting, say } = ctx;
  const name = (n: MinutesNote) => findParticipant(meeting, n.by)?.name ?? n.by;
  return html`<section class="part annexes" part="section annexes" data-section="annexes" aria-labelledby="h-annexes">
    <h3 id="h-annexes">${say('annexes')}</h3>
    <ol>
      ${model.annexes.map(
        (n) => html`<li>
          <span>${n.text}</span>
          <span class="meta">${say('annex.meta', { time: clock(n.at), date: shortDate(n.at), name: name(n) })}</span>
        </li>`,
      )}
    </ol>
  </section>`;
}

function renderSignatures({ model, say }: DocumentContext): TemplateResult {
  const block = (role: string, title: string, name?: string) => html`<div class="sign" data-sign=${role}>
    <p class="sign-title">${title}</p>
    <p class="sign-hint">${say('sign.hint')}</p>
    <p class="sign-name">${name ?? ''}</p>
  </div>`;
  return html`<div class="signatures" part="signatures">
    ${block('recorder', say('sign.recorder'), model.recorder)} ${block('chair', say('sign.chair'), model.chair)}
  </div>`;
}
