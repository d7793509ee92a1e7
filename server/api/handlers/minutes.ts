/**
 * The minutes and the delegates' assessment kept with them:
 * GET /api/meetings/{id}/minutes, GET /api/meetings/{id}/minutes.html,
 * POST /api/meetings/{id}/assessment.
 */
import { minutesOf } from '../../../src/core/index.js';
import type { Assessment } from '../../registry-store.js';
import type { MeetingState } from '../../../src/core/index.js';
import { meetingInScope, nowIso, stateOf, type Handler, type RequestContext } from '../context.js';
import { ApiError, badField, notFound } from '../errors.js';
import { readJson } from '../http.js';
import { MINUTES_CSP, minutesHtml } from '../minutes-html.js';
import { AssessmentBody, parseWith } from '../schemas.js';

/** The meeting's state, rebuilt from its log: the minutes come from it. */
async function recordedMeeting(ctx: RequestContext): Promise<MeetingState> {
  const { definition } = await meetingInScope(ctx);
  const state = await stateOf(ctx.deps, definition.id);
  if (!state) throw notFound(`The record of the meeting ${definition.id}`);
  return state;
}

/** GET /api/meetings/{id}/minutes: the core's minutes model, and the delegates' assessments. */
export const getMinutes: Handler = async (ctx) => {
  const state = await recordedMeeting(ctx);
  const assessments = await ctx.deps.registry.assessments(state.id);
  return { status: 200, json: { meetingId: state.id, phase: state.phase, minutes: minutesOf(state), assessments } };
};

/** GET /api/meetings/{id}/minutes.html: the printable biên bản. */
export const getMinutesHtml: Handler = async (ctx) => {
  const state = await recordedMeeting(ctx);
  const [assessments, cell] = await Promise.all([ctx.deps.registry.assessments(state.id), ctx.deps.registry.cell(state.cell.id)]);
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
  const state = await recordedMeeting(ctx);
  if (state.phase !== 'closed') throw new ApiError(409, 'meeting-not-closed', 'The assessment is given after the meeting is closed.');
  const body = parseWith(AssessmentBody, await readJson(ctx.req));
  if (!state.delegates.some((d) => d.id === body.delegateId)) throw badField('delegateId', `${body.delegateId} is not a delegate of this meeting.`);
  const assessment: Assessment = {
    meetingId: state.id,
    delegateId: body.delegateId,
    strengths: body.strengths,
    limitations: body.limitations,
    lessons: body.lessons,
    ...(body.score !== undefined ? { score: body.score } : {}),
    recordedAt: nowIso(ctx.deps),
    recordedBy: ctx.admin.subject,
  };
  await ctx.deps.registry.recordAssessment(assessment);
  ctx.deps.log('info', 'assessment recorded', { meeting: state.id, delegate: body.delegateId, by: ctx.admin.subject });
  return { status: 201, json: { assessment } };
};
