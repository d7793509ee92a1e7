/**
 * The minutes and the delegates' assessment kept with them:
 * GET /api/meetings/{id}/minutes, GET /api/meetings/{id}/minutes.html,
 * POST /api/meetings/{id}/assessment.
 */
import { minutesOf } from '../../../src/core/index.js';
import type { Assessment } from '../../registry-store.js';
import { meetingInScope, nowIso, type Handler, type MeetingInScope, type RequestContext } from '../context.js';
import { ApiError, badField, notFound } from '../errors.js';
import { readJson } from '../http.js';
import { MINUTES_CSP, minutesHtml } from '../minutes-html.js';
import { AssessmentBody, parseWith } from '../schemas.js';

/** The meeting with its live state: minutes come from the state the server rebuilt from the log. */
async function hostedMeeting(ctx: RequestContext): Promise<Required<Pick<MeetingInScope, 'host'>> & MeetingInScope> {
  const meeting = await meetingInScope(ctx);
  if (!meeting.host) throw notFound(`The record of the meeting ${meeting.definition.id}`);
  return meeting as Required<Pick<MeetingInScope, 'host'>> & MeetingInScope;
}

/** GET /api/meetings/{id}/minutes: the core's minutes model, and the delegates' assessments. */
export const getMinutes: Handler = async (ctx) => {
  const { host } = await hostedMeeting(ctx);
  const assessments = await ctx.deps.registry.assessments(host.id);
  return { status: 200, json: { meetingId: host.id, phase: host.state.phase, minutes: minutesOf(host.state), assessments } };
};

/** GET /api/meetings/{id}/minutes.html: the printable biên bản. */
export const getMinutesHtml: Handler = async (ctx) => {
  const { host } = await hostedMeeting(ctx);
  const state = host.state;
  const [assessments, cell] = await Promise.all([ctx.deps.registry.assessments(host.id), ctx.deps.registry.cell(state.cell.id)]);
  const html = minutesHtml({
    minutes: minutesOf(state),
    ...(cell?.locality !== undefined ? { locality: cell.locality } : {}),
    assessments,
    delegateNames: Object.fromEntries(state.delegates.map((d) => [d.id, d.name])),
  });
  return { status: 200, html, csp: MINUTES_CSP };
};

/**
 * POST /api/meetings/{id}/assessment: a delegate's assessment after the
 * meeting (seed 004: strengths, limitations, lessons; and a score), kept in
 * the registry with the minutes. A delegate's later assessment replaces their
 * earlier one.
 */
export const recordAssessment: Handler = async (ctx) => {
  const { host } = await hostedMeeting(ctx);
  if (host.state.phase !== 'closed') throw new ApiError(409, 'meeting-not-closed', 'The assessment is given after the meeting is closed.');
  const body = parseWith(AssessmentBody, await readJson(ctx.req));
  if (!host.state.delegates.some((d) => d.id === body.delegateId)) throw badField('delegateId', `${body.delegateId} is not a delegate of this meeting.`);
  const assessment: Assessment = {
    meetingId: host.id,
    delegateId: body.delegateId,
    strengths: body.strengths,
    limitations: body.limitations,
    lessons: body.lessons,
    ...(body.score !== undefined ? { score: body.score } : {}),
    recordedAt: nowIso(ctx.deps),
    recordedBy: ctx.admin.subject,
  };
  await ctx.deps.registry.recordAssessment(assessment);
  ctx.deps.log('info', 'assessment recorded', { meeting: host.id, delegate: body.delegateId, by: ctx.admin.subject });
  return { status: 201, json: { assessment } };
};
