/**
 * The scoring frame the upper level's delegates use to assess a cell meeting
 * after it (seed 004: "góp ý ưu điểm, hạn chế, rút kinh nghiệm"; DOMAIN.md,
 * closing step: "rate the meeting's quality (score)"). A province sets its
 * own frame; the one below is a policy value, not a national rule. Pure.
 */
import type { Localized } from '../messages.js';

/** One criterion of the frame, scored from 0 to `maxPoints` whole points. */
export interface AssessmentCriterion {
  /** Stable id, the key of a criteria score (letters, digits, "-"). */
  readonly id: string;
  readonly name: Localized;
  readonly maxPoints: number;
}

/** A grade: a total score at or above `minScore` (and below the next band up) earns it. */
export interface GradeBand {
  /** Stable id a portal may switch on: 'good', 'fair', 'average', 'weak' in the default frame. */
  readonly id: string;
  /** "Tốt", "Khá", "Trung bình", "Kém". */
  readonly name: Localized;
  readonly minScore: number;
}

/** A province's scoring frame: criteria that add up to `maxScore`, and grade bands. */
export interface AssessmentFrame {
  readonly id: string;
  readonly name: Localized;
  /** Where the frame comes from; "[unconfirmed]" when no official text was found. */
  readonly source: string;
  readonly criteria: readonly AssessmentCriterion[];
  /** Highest band first; the last one has `minScore` 0. */
  readonly grades: readonly GradeBand[];
  /** The sum of the criteria's `maxPoints`: the top of the scale. */
  readonly maxScore: number;
}

/**
 * The default frame: 100 points over five criteria, graded Tốt ≥ 90, Khá ≥ 70,
 * Trung bình ≥ 50, else Kém. [unconfirmed] No official scoring text for online
 * cell meetings was found; the criteria follow what Hướng dẫn 42-HD/BTCTW
 * (28/10/2025) asks of a meeting (preparation, attendance and duration, the
 * program, the content's leadership, education and fighting quality) plus the
 * technical side HD 03-HD/TW asks of an online one. An integrator replaces it.
 */
export const DEFAULT_ASSESSMENT_FRAME: AssessmentFrame = {
  id: 'default-2026',
  name: { vi: 'Khung chấm điểm chất lượng sinh hoạt chi bộ (mặc định)', en: 'Cell meeting quality scoring frame (default)' },
  source: '[unconfirmed] project default after Hướng dẫn 42-HD/BTCTW (2025) and Hướng dẫn 03-HD/TW (2022); a province sets its own',
  criteria: [
    { id: 'preparation', name: { vi: 'Công tác chuẩn bị, gửi tài liệu trước', en: 'Preparation, documents sent ahead' }, maxPoints: 20 },
    { id: 'attendance', name: { vi: 'Tỷ lệ đảng viên dự, thời gian sinh hoạt', en: 'Attendance and duration' }, maxPoints: 15 },
    { id: 'procedure', name: { vi: 'Thực hiện đúng quy trình, nguyên tắc sinh hoạt', en: 'Program and principles followed' }, maxPoints: 20 },
    {
      id: 'content',
      name: { vi: 'Nội dung: tính lãnh đạo, tính giáo dục, tính chiến đấu', en: 'Content: leadership, education, fighting quality' },
      maxPoints: 30,
    },
    { id: 'technology', name: { vi: 'Bảo đảm kỹ thuật, đường truyền, an toàn thông tin', en: 'Technology, connection and information security' }, maxPoints: 15 },
  ],
  grades: [
    { id: 'good', name: { vi: 'Tốt', en: 'Good' }, minScore: 90 },
    { id: 'fair', name: { vi: 'Khá', en: 'Fair' }, minScore: 70 },
    { id: 'average', name: { vi: 'Trung bình', en: 'Average' }, minScore: 50 },
    { id: 'weak', name: { vi: 'Kém', en: 'Weak' }, minScore: 0 },
  ],
  maxScore: 100,
};

/** The problems of a frame (empty when it is usable): ids, points, bands. */
export function frameProblems(frame: AssessmentFrame): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const c of frame.criteria) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(c.id)) problems.push(`criterion id ${JSON.stringify(c.id)} is not letters, digits and "-"`);
    if (ids.has(c.id)) problems.push(`criterion ${c.id} appears twice`);
    ids.add(c.id);
    if (!Number.isInteger(c.maxPoints) || c.maxPoints <= 0) problems.push(`criterion ${c.id}: maxPoints must be a positive whole number`);
  }
  if (frame.criteria.length === 0) problems.push('a frame needs at least one criterion');
  const total = frame.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  if (total !== frame.maxScore) problems.push(`the criteria add up to ${total}, not maxScore ${frame.maxScore}`);
  if (frame.grades.length === 0) problems.push('a frame needs at least one grade');
  frame.grades.forEach((g, i) => {
    const next = frame.grades[i + 1];
    if (next && next.minScore >= g.minScore) problems.push(`grade ${g.id}: bands must go from the highest minScore down`);
  });
  if (frame.grades.at(-1)?.minScore !== 0) problems.push('the last grade must start at 0');
  return problems;
}

/** The band a total score falls in (the highest whose `minScore` it reaches). Throws RangeError off the scale. */
export function gradeOf(score: number, frame: AssessmentFrame = DEFAULT_ASSESSMENT_FRAME): GradeBand {
  if (!Number.isFinite(score) || score < 0 || score > frame.maxScore) throw new RangeError(`score ${score} is outside 0–${frame.maxScore}`);
  return frame.grades.find((g) => score >= g.minScore) ?? frame.grades.at(-1)!;
}

/** A problem with one criterion's score, named by criterion. */
export interface CriterionProblem {
  /** The criterion id (or the unknown key given). */
  readonly criterionId: string;
  readonly reason: Localized;
}

/** Result of {@link scoreOf}. */
export type ScoreResult =
  | { readonly ok: true; readonly score: number; readonly grade: GradeBand }
  | { readonly ok: false; readonly problems: readonly CriterionProblem[] };

/**
 * The total score and grade of a delegate's scores by criterion. Every
 * criterion of the frame must be scored, with a whole number from 0 to its
 * maximum, and no other key given; otherwise every problem is returned.
 */
export function scoreOf(criteriaScores: Readonly<Record<string, number>>, frame: AssessmentFrame = DEFAULT_ASSESSMENT_FRAME): ScoreResult {
  const problems: CriterionProblem[] = [];
  const known = new Set(frame.criteria.map((c) => c.id));
  for (const key of Object.keys(criteriaScores)) {
    if (!known.has(key)) {
      problems.push({ criterionId: key, reason: { vi: `Khung chấm điểm không có tiêu chí “${key}”.`, en: `The scoring frame has no criterion "${key}".` } });
    }
  }
  let score = 0;
  for (const c of frame.criteria) {
    const points = criteriaScores[c.id];
    if (points === undefined) {
      problems.push({ criterionId: c.id, reason: { vi: `Chưa chấm tiêu chí “${c.name.vi}”.`, en: `The criterion "${c.name.en}" is not scored.` } });
    } else if (!Number.isInteger(points) || points < 0 || points > c.maxPoints) {
      problems.push({
        criterionId: c.id,
        reason: {
          vi: `Điểm tiêu chí “${c.name.vi}” phải là số nguyên từ 0 đến ${c.maxPoints}.`,
          en: `The criterion "${c.name.en}" takes a whole number from 0 to ${c.maxPoints}.`,
        },
      });
    } else {
      score += points;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, score, grade: gradeOf(score, frame) };
}
