/**
 * The minutes and the delegates' assessment kept with them:
 * GET /api/meetings/{id}/minutes, GET /api/meetings/{id}/minutes.html,
 * POST /api/meetings/{id}/assessment.
 */
import { gradeOf, minutesOf, scoreOf, type GradeBand } from '../../../src/core/index.js';
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
  const { frame } = ctx.deps;
  let score = body.score;
  if (body.criteria !== undefined) {
    // The province's scoring frame (policy values): every criterion scored within its maximum.
    const scored = scoreOf(body.criteria, frame);
    if (!scored.ok) {
      const issues = scored.problems.map((p) => ({ field: `criteria.${p.criterionId}`, message: p.reason.en, vi: p.reason.vi }));
      throw new ApiError(400, 'invalid-body', `${issues[0]!.field}: ${issues[0]!.message}`, { field: issues[0]!.field, issues });
    }
    if (score !== undefined && score !== scored.score) throw badField('score', `The score ${score} is not the sum of the criteria (${scored.score}).`);
    score = scored.score;
  }
  if (score !== undefined && score > frame.maxScore) throw badField('score', `The scoring frame's scale ends at ${frame.maxScore}.`);
  const assessment: Assessment = {
    meetingId: state.id,
    delegateId: body.delegateId,
    strengths: body.strengths,
    limitations: body.limitations,
    lessons: body.lessons,
    ...(body.criteria !== undefined ? { criteria: body.criteria } : {}),
    ...(score !== undefined ? { score, grade: gradeRef(gradeOf(score, frame)) } : {}),
    recordedAt: nowIso(ctx.deps),
    recordedBy: ctx.admin.subject,
  };
  await ctx.deps.registry.recordAssessment(assessment);
  ctx.deps.log('info', 'assessment recorded', { meeting: state.id, delegate: body.delegateId, by: ctx.admin.subject });
  return { status: 201, json: { assessment } };
};

/**
 * GET /api/meetings/{id}/assessment: the delegates' feedback as the cell sees
 * it, with their mean score and its grade, and the scoring frame for the form.
 */
export const getAssessment: Handler = async (ctx) => {
  const state = await recordedMeeting(ctx);
  const { frame } = ctx.deps;
  const names = new Map(state.delegates.map((d) => [d.id, d.name]));
  const assessments = (await ctx.deps.registry.assessments(state.id)).map((a) => ({
    ...a,
    ...(names.has(a.delegateId) ? { delegateName: names.get(a.delegateId)! } : {}),
    ...(a.score !== undefined && a.grade === undefined && a.score <= frame.maxScore ? { grade: gradeRef(gradeOf(a.score, frame)) } : {}),
  }));
  const scores = assessments.flatMap((a) => (a.score !== undefined ? [a.score] : []));
  const mean = scores.length ? Math.round(scores.reduce((x, y) => x + y, 0) / scores.length) : undefined;
  const summary = {
    count: assessments.length,
    scored: scores.length,
    ...(mean !== undefined ? { score: mean, grade: gradeRef(gradeOf(Math.min(mean, frame.maxScore), frame)) } : {}),
  };
  return { status: 200, json: { meetingId: state.id, phase: state.phase, frame, assessments, summary } };
};

/** A grade as the API shows it. */
export const gradeRef = (grade: GradeBand) => ({ id: grade.id, vi: grade.name.vi, en: grade.name.en });
