/**
 * The province's scoring frame for the delegates' assessments, from a JSON
 * file (SCORING_FRAME_FILE), checked when the server starts: its shape with
 * valibot, then its consistency with the core's `frameProblems` (criteria add
 * up to the top of the scale, grade bands from the highest down to 0). Any
 * problem stops the start with every problem named by its place in the file;
 * without the file the core's DEFAULT_ASSESSMENT_FRAME (policy values) holds.
 *
 * The file, e.g. docs/scoring-frame.example.json:
 * `{ "id", "name": { "vi", "en" }, "source"?, "criteria": [{ "id", "name", "maxPoints" }],
 *    "grades": [{ "id", "name", "minScore" }], "maxScore"? }` (maxScore defaults to the criteria's sum).
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { frameProblems, type AssessmentFrame } from '../src/core/index.js';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const localized = v.strictObject({ vi: text(200), en: text(200) });
const stableId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be 1–64 letters, digits or "-"'));
const wholePoints = (min: number) => v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(min, `must be at least ${min}`));

/** The file's shape. */
export const ScoringFrameFile = v.strictObject({
  id: stableId,
  name: localized,
  source: v.optional(text(500)),
  criteria: v.pipe(
    v.array(v.strictObject({ id: stableId, name: localized, maxPoints: wholePoints(1) })),
    v.minLength(1, 'needs at least one criterion'),
    v.maxLength(50, 'has more than 50 criteria'),
  ),
  grades: v.pipe(v.array(v.strictObject({ id: stableId, name: localized, minScore: wholePoints(0) })), v.minLength(1, 'needs at least one grade'), v.maxLength(20, 'has more than 20 grades')),
  maxScore: v.optional(wholePoints(1)),
});

/** A frame from the file's text, or every problem found (each "place: problem"). */
export function parseScoringFrame(json: string, where = 'the scoring frame'): { ok: true; frame: AssessmentFrame } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`${where} is not JSON: ${(error as Error).message}`] };
  }
  const parsed = v.safeParse(ScoringFrameFile, raw);
  if (!parsed.success) return { ok: false, problems: parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(the file)'}: ${issue.message}`) };
  const file = parsed.output;
  const frame: AssessmentFrame = {
    ...file,
    source: file.source ?? `${where} (configured by the province)`,
    maxScore: file.maxScore ?? file.criteria.reduce((sum, c) => sum + c.maxPoints, 0),
  };
  const problems = frameProblems(frame);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, frame };
}

/** Reads and checks the frame of SCORING_FRAME_FILE; throws an Error naming the file and every problem. */
export function readScoringFrame(path: string): AssessmentFrame {
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`SCORING_FRAME_FILE ${path} cannot be read: ${(error as Error).message}`);
  }
  const result = parseScoringFrame(json, path);
  if (!result.ok) throw new Error(`SCORING_FRAME_FILE ${path} is not a usable scoring frame:\n  - ${result.problems.join('\n  - ')}`);
  return result.frame;
}
