/**
 * The province's scoring frame from SCORING_FRAME_FILE (issue 8): checked
 * with valibot and the core's consistency rules, every problem named by its
 * place in the file; a server started with a bad file stops with them, one
 * started with a good file scores assessments by it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_ASSESSMENT_FRAME } from '../../src/core/index.js';
import { AdminTokens } from '../../server/api/index.js';
import { parseScoringFrame, readScoringFrame } from '../../server/scoring-frame.js';
import { ServerProcess, freePort } from '../e2e/helpers.js';

const EXAMPLE = new URL('../../docs/scoring-frame.example.json', import.meta.url);
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown> & { criteria: Array<Record<string, unknown>>; grades: Array<Record<string, unknown>> };
const problemsOf = (value: unknown) => {
  const result = parseScoringFrame(typeof value === 'string' ? value : JSON.stringify(value), 'frame.json');
  return result.ok ? [] : result.problems;
};
const dir = mkdtempSync(join(tmpdir(), 'party-frame-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('SCORING_FRAME_FILE: the province’s scoring frame', () => {
  it('reads the example in docs: four criteria adding up to 100 (maxScore computed), four bands', () => {
    const frame = readScoringFrame(EXAMPLE.pathname);
    assert.equal(frame.id, 'vi-du-dang-uy-khoi-2026');
    assert.equal(frame.maxScore, 100);
    assert.deepEqual(frame.criteria.map((c) => [c.id, c.maxPoints]), [['chuan-bi', 25], ['dieu-hanh', 25], ['chat-luong', 30], ['ky-thuat', 20]]);
    assert.deepEqual(frame.grades.map((g) => [g.name.vi, g.minScore]), [['Xuất sắc', 95], ['Tốt', 80], ['Đạt', 60], ['Chưa đạt', 0]]);
    assert.deepEqual(problemsOf(DEFAULT_ASSESSMENT_FRAME), [], 'the default frame itself is a valid file');
  });

  const cases: Array<[string, unknown, RegExp]> = [
    ['text that is not JSON', '{ "id": ', /frame\.json is not JSON/],
    ['a criterion without points', { ...example, criteria: [example.criteria[0], { ...example.criteria[1], maxPoints: undefined }] }, /^criteria\.1\.maxPoints: /],
    ['fractional points', { ...example, criteria: [{ ...example.criteria[0], maxPoints: 2.5 }] }, /^criteria\.0\.maxPoints: must be a whole number/],
    ['a name missing its English', { ...example, name: { vi: 'Khung' } }, /^name\.en: /],
    ['an id with a space', { ...example, id: 'khung mới' }, /^id: must be 1–64 letters/],
    ['an unknown field', { ...example, colour: 'red' }, /^colour: /],
    ['no grades', { ...example, grades: [] }, /^grades: needs at least one grade/],
    ['a maxScore the criteria do not add up to', { ...example, maxScore: 90 }, /the criteria add up to 100, not maxScore 90/],
    ['bands not from the highest down', { ...example, grades: [example.grades[1], example.grades[0], example.grades[3]] }, /bands must go from the highest minScore down/],
    ['a last band above 0', { ...example, grades: example.grades.slice(0, 3) }, /the last grade must start at 0/],
    ['a criterion twice', { ...example, criteria: [example.criteria[0], example.criteria[0]], maxScore: 50 }, /criterion chuan-bi appears twice/],
  ];
  for (const [name, value, expected] of cases) {
    it(`refuses ${name}, naming where`, () => {
      const problems = problemsOf(value);
      assert.ok(problems.some((p) => expected.test(p)), problems.join('\n'));
    });
  }

  it('a server started with a bad file stops at once with the problems; with the example, assessments are scored by it', { timeout: 90_000 }, async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...example, maxScore: 90 }));
    const secret = randomBytes(36).toString('base64url');
    const stopped = ServerProcess.start('bad frame', { PORT: await freePort(), DATA_DIR: join(dir, 'a'), PARTY_JWT_SECRET: secret, DEMO_MEDIA: 'none', SCORING_FRAME_FILE: bad });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const exit = await Promise.race([stopped.exited, new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), 30_000)))]);
    clearTimeout(timer);
    if (exit === 'running') await stopped.kill();
    assert.deepEqual(exit, { code: 2, signal: null }, stopped.log());
    assert.match(stopped.log(), /SCORING_FRAME_FILE .*bad\.json is not a usable scoring frame:\n {2}- the criteria add up to 100, not maxScore 90/);

    const port = await freePort();
    const server = ServerProcess.start('example frame', { PORT: port, DATA_DIR: join(dir, 'b'), PARTY_JWT_SECRET: secret, DEMO_MEDIA: 'none', SCORING_FRAME_FILE: EXAMPLE.pathname });
    try {
      const base = `http://127.0.0.1:${port}`;
      await server.ready(base, 40_000);
      const token = await new AdminTokens(secret).sign({ subject: 'test-portal' }, '10m');
      const call = (method: string, path: string, json?: unknown) =>
        fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) }, ...(json ? { body: JSON.stringify(json) } : {}) });
      assert.equal((await call('POST', '/api/cells', { id: 'cb-frame', name: 'Chi bộ Khung', cannotMeetInPerson: ['m1', 'm2'] })).status, 201);
      const members = [{ id: 'm1', name: 'Một', status: 'full' }, { id: 'm2', name: 'Hai', status: 'full' }];
      assert.equal((await call('PUT', '/api/cells/cb-frame/roster', { members })).status, 200);
      const scheduled = await call('POST', '/api/meetings', { id: 'hop-khung', cellId: 'cb-frame', title: 'Sinh hoạt', scheduledAt: new Date().toISOString(), mode: 'online', chairId: 'm1', delegates: [{ id: 'cap-tren', name: 'Cấp Trên' }] });
      assert.equal(scheduled.status, 201, await scheduled.text());
      const read = (await (await call('GET', '/api/meetings/hop-khung/assessment')).json()) as { frame: { id: string; maxScore: number; criteria: Array<{ id: string }> } };
      assert.deepEqual([read.frame.id, read.frame.maxScore, read.frame.criteria.map((c) => c.id)], ['vi-du-dang-uy-khoi-2026', 100, ['chuan-bi', 'dieu-hanh', 'chat-luong', 'ky-thuat']]);
    } finally {
      await server.kill();
    }
  });
});
