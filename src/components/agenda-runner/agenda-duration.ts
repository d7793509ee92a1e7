import { html } from 'lit';
import { durationReport, type MeetingState } from '../../core/index.js';
import type { Lang } from '../shared/i18n.js';
import type { AgendaRunnerKey } from './agenda-runner.strings.js';
import { progressBar } from '../shared/progress-bar.js';

type Translate = (key: AgendaRunnerKey, params?: Record<string, string | number>) => string;

/**
 * The meeting's length against its minimum, from the core's `durationReport`
 * (Hướng dẫn 42-HD/BTCTW): reported to everyone, never enforced. Before the
 * opening, only the minimum.
 */
export function renderDuration(meeting: MeetingState, now: number, s: Translate, lang: Lang) {
  const report = durationReport(meeting.kind, meeting.openedAt, meeting.closedAt, new Date(now).toISOString(), meeting.policy);
  if (!meeting.openedAt) {
    return html`<div class="duration" part="duration" data-duration="not-open">
      <p>${s('duration.minimum', { required: report.requiredMinutes })}</p>
    </div>`;
  }
  const share = report.requiredMinutes > 0 ? Math.min(1, report.actualMinutes / report.requiredMinutes) : 1;
  const status = report.met ? 'met' : 'short';
  return html`<div class="duration ${status}" part="duration" data-duration=${status}>
    <p class="duration-head">
      <span>${s('duration.label')}</span>
      <strong data-duration-minutes>${s('duration.progress', { actual: report.actualMinutes, required: report.requiredMinutes })}</strong>
      <span class="chip">${report.met ? s('duration.met') : s('duration.remaining', { minutes: report.remainingMinutes })}</span>
    </p>
    ${progressBar(share)}
    <p class="rule">${report.reason[lang]}</p>
  </div>`;
}
