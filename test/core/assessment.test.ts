import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ASSESSMENT_FRAME, frameProblems, gradeOf, scoreOf, type AssessmentFrame } from '../../src/core/index.js';

const frame = DEFAULT_ASSESSMENT_FRAME;
const full = { preparation: 20, attendance: 15, procedure: 20, content: 30, technology: 15 };

describe('the scoring frame (policy values)', () => {
  it('the default frame is usable, adds up to 100 and says its source is unconfirmed', () => {
    assert.deepEqual(frameProblems(frame), []);
    assert.equal(frame.criteria.reduce((s, c) => s + c.maxPoints, 0), 100);
    assert.match(frame.source, /\[unconfirmed\]/);
  });

  const bands: Array<[number, string, string]> = [
    [100, 'good', 'Tốt'],
    [90, 'good', 'Tốt'],
    [89, 'fair', 'Khá'],
    [70, 'fair', 'Khá'],
    [69, 'average', 'Trung bình'],
    [50, 'average', 'Trung bình'],
    [49, 'weak', 'Kém'],
    [0, 'weak', 'Kém'],
  ];
  for (const [score, id, vi] of bands) {
    it(`grades ${score} as ${vi}`, () => {
      const grade = gradeOf(score, frame);
      assert.equal(grade.id, id);
      assert.equal(grade.name.vi, vi);
    });
  }

  it('refuses a score off the scale', () => {
    assert.throws(() => gradeOf(-1, frame), RangeError);
    assert.throws(() => gradeOf(101, frame), RangeError);
    assert.throws(() => gradeOf(Number.NaN, frame), RangeError);
  });

  it('sums the criteria and grades the total', () => {
    assert.deepEqual(scoreOf(full, frame), { ok: true, score: 100, grade: frame.grades[0] });
    const result = scoreOf({ ...full, content: 20, technology: 5 }, frame);
    assert.ok(result.ok);
    assert.equal(result.score, 80);
    assert.equal(result.grade.id, 'fair');
  });

  it('names every criterion at fault: missing, over its maximum, not whole, unknown', () => {
    const { technology: _t, ...missing } = full;
    const result = scoreOf({ ...missing, content: 31, procedure: 2.5, extra: 1 }, frame);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.map((p) => p.criterionId).sort(), ['content', 'extra', 'procedure', 'technology']);
    const content = result.problems.find((p) => p.criterionId === 'content')!;
    assert.match(content.reason.vi, /từ 0 đến 30/);
    assert.match(content.reason.en, /0 to 30/);
  });

  it('a province frame with other criteria and bands works the same way', () => {
    const province: AssessmentFrame = {
      id: 'tinh-x',
      name: { vi: 'Khung tỉnh X', en: 'Province X frame' },
      source: '[unconfirmed] example',
      criteria: [
        { id: 'a', name: { vi: 'A', en: 'A' }, maxPoints: 60 },
        { id: 'b', name: { vi: 'B', en: 'B' }, maxPoints: 40 },
      ],
      grades: [
        { id: 'top', name: { vi: 'Xuất sắc', en: 'Excellent' }, minScore: 95 },
        { id: 'rest', name: { vi: 'Còn lại', en: 'Other' }, minScore: 0 },
      ],
      maxScore: 100,
    };
    assert.deepEqual(frameProblems(province), []);
    const r = scoreOf({ a: 60, b: 35 }, province);
    assert.ok(r.ok && r.grade.id === 'top' && r.score === 95);
  });

  it('finds what is wrong with a frame', () => {
    const broken: AssessmentFrame = {
      ...frame,
      criteria: [...frame.criteria, { id: 'preparation', name: { vi: 'x', en: 'x' }, maxPoints: -5 }],
      grades: [frame.grades[1]!, frame.grades[0]!],
    };
    const problems = frameProblems(broken);
    assert.ok(problems.some((p) => p.includes('appears twice')));
    assert.ok(problems.some((p) => p.includes('positive whole number')));
    assert.ok(problems.some((p) => p.includes('add up to')));
    assert.ok(problems.some((p) => p.includes('highest minScore down')));
    assert.ok(problems.some((p) => p.includes('start at 0')));
  });
});
