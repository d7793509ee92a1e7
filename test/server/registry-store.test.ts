import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it as test } from 'node:test';
import type { MeetingMode } from '../../src/core/index.js';
import { PostgresRegistryStore } from '../../server/postgres-registry-store.js';
import type { Assessment, CellRecord, RegistryStore, ScheduledMeeting } from '../../server/registry-store.js';
import { SqliteRegistryStore } from '../../server/sqlite-registry-store.js';
import { testMeeting } from '../helpers/meeting.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

const cell = (id: string, parentId?: string): CellRecord => ({
  id,
  name: `Chi bộ ${id}`,
  unitKind: 'cell',
  ...(parentId ? { parentId, parentName: `Đảng bộ ${parentId}` } : {}),
  cannotMeetInPerson: ['a'],
  members: [],
  createdAt: '2026-01-05T02:00:00.000Z',
});

const meeting = (id: string, cellId: string, scheduledAt: string, mode: MeetingMode = 'hybrid', parentId?: string): ScheduledMeeting => ({
  id,
  cellId,
  ...(parentId ? { parentId } : {}),
  title: `Họp ${id}`,
  scheduledAt,
  kind: 'regular',
  mode,
  definition: { ...testMeeting, id, scheduledAt, mode },
  createdAt: '2026-01-05T02:00:00.000Z',
});

const assessment = (delegateId: string, lessons: string): Assessment => ({
  meetingId: 'm1',
  delegateId,
  strengths: 'Chuẩn bị tài liệu chu đáo',
  limitations: 'Đường truyền điểm cầu xã chập chờn',
  lessons,
  score: 85,
  recordedAt: '2026-03-02T09:00:00.000Z',
  recordedBy: 'portal',
});

/**
 * The contract every RegistryStore keeps, run against SQLite and PostgreSQL.
 * `open(name)` opens the store called `name` (a file, a schema): opening the
 * same name again reaches the same registry.
 */
function registryContract(name: string, open: (name: string) => Promise<RegistryStore>, skip?: () => string | undefined) {
  describe(`${name} registry store`, () => {
    let n = 0;
    const fresh = () => `registry_${++n}`;
    const it = (title: string, body: () => Promise<void>) => test(title, (t) => (skip?.() ? t.skip(skip()) : body()));

    it('creates a cell once, keeps it across a reopen, and replaces its roster whole', async () => {
      const file = fresh();
      const store = await open(file);
      assert.equal(await store.createCell(cell('c1', 'p1')), true);
      assert.equal(await store.createCell({ ...cell('c1'), name: 'other' }), false, 'a second cell with the same id is refused');
      const members = [
        { id: 'a', name: 'Nguyễn Văn A', status: 'full' as const },
        { id: 'b', name: 'Trần Thị B', status: 'probationary' as const, flags: { exempt: true } },
      ];
      assert.equal(await store.replaceRoster('c1', members, '2026-01-06T00:00:00.000Z'), true);
      assert.equal(await store.replaceRoster('nope', members, '2026-01-06T00:00:00.000Z'), false);
      await store.close();
      const reopened = await open(file);
      const stored = await reopened.cell('c1');
      assert.equal(stored?.name, 'Chi bộ c1');
      assert.equal(stored?.parentId, 'p1');
      assert.deepEqual(stored?.members, members);
      assert.equal(stored?.rosterImportedAt, '2026-01-06T00:00:00.000Z');
      assert.equal(await reopened.cell('c2'), undefined);
      await reopened.close();
    });

    it('opens one registry from several processes starting together', async () => {
      const name = fresh();
      const stores = await Promise.all([open(name), open(name), open(name)]);
      assert.equal(await stores[0]!.createCell(cell('c1')), true);
      assert.equal((await stores[2]!.cell('c1'))?.id, 'c1');
      for (const store of stores) await store.close();
    });

    it('counts online and hybrid meetings per cell and Vietnam-time year; in-person ones are not counted', async () => {
      const store = await open(fresh());
      assert.deepEqual(await store.scheduleMeeting(meeting('m1', 'c1', '2026-03-01T08:00:00+07:00', 'online')), { ok: true });
      assert.deepEqual(await store.scheduleMeeting(meeting('m2', 'c1', '2026-04-01T08:00:00+07:00', 'hybrid')), { ok: true });
      assert.deepEqual(await store.scheduleMeeting(meeting('m3', 'c1', '2026-05-01T08:00:00+07:00', 'in-person')), { ok: true });
      // 31 Dec 2026 18:00 UTC is 1 January 2027 in Vietnam.
      assert.deepEqual(await store.scheduleMeeting(meeting('m4', 'c1', '2026-12-31T18:00:00Z', 'online')), { ok: true });
      assert.deepEqual(await store.scheduleMeeting(meeting('m5', 'c2', '2026-06-01T08:00:00+07:00', 'online')), { ok: true });
      assert.equal(await store.onlineMeetingsInYear('c1', 2026), 2);
      assert.equal(await store.onlineMeetingsInYear('c1', 2027), 1);
      assert.equal(await store.onlineMeetingsInYear('c2', 2026), 1);
      assert.deepEqual(await store.scheduleMeeting(meeting('m1', 'c9', '2026-07-01T08:00:00Z')), { ok: false, reason: 'duplicate-id' });
      assert.equal((await store.meeting('m1'))?.cellId, 'c1', 'the duplicate did not replace the first');
      await store.close();
    });

    it('refuses an online meeting over the limit, and lets concurrent requests take only the places left', async () => {
      const store = await open(fresh());
      await store.scheduleMeeting(meeting('m1', 'c1', '2026-03-01T08:00:00Z', 'online'), 3);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => store.scheduleMeeting(meeting(`race-${i}`, 'c1', `2026-0${i + 4}-01T08:00:00Z`, 'hybrid'), 3)),
      );
      assert.equal(results.filter((r) => r.ok).length, 2, 'two places were left of three');
      for (const r of results.filter((x) => !x.ok)) assert.deepEqual(r, { ok: false, reason: 'online-limit', used: 3 });
      assert.equal(await store.onlineMeetingsInYear('c1', 2026), 3);
      assert.deepEqual(await store.scheduleMeeting(meeting('in-person', 'c1', '2026-11-01T08:00:00Z', 'in-person'), 3), { ok: true }, 'the limit is for online meetings only');
      await store.close();
    });

    it('two connections scheduling for one cell at once never exceed the limit', async () => {
      const name = fresh();
      const [a, b] = [await open(name), await open(name)];
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).scheduleMeeting(meeting(`m${i}`, 'c1', `2026-0${i + 1}-02T08:00:00Z`, 'online'), 1)),
      );
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(await a.onlineMeetingsInYear('c1', 2026), 1);
      await a.close();
      await b.close();
    });

    it('lists meetings by unit, parent unit, scope and time, earliest first', async () => {
      const store = await open(fresh());
      await store.scheduleMeeting(meeting('late', 'c1', '2026-09-01T08:00:00Z', 'hybrid', 'p1'));
      await store.scheduleMeeting(meeting('early', 'c1', '2026-02-01T08:00:00Z', 'hybrid', 'p1'));
      await store.scheduleMeeting(meeting('sibling', 'c2', '2026-05-01T08:00:00Z', 'online', 'p1'));
      await store.scheduleMeeting(meeting('elsewhere', 'c3', '2026-05-01T08:00:00Z', 'online', 'p2'));
      const ids = async (query: Parameters<RegistryStore['meetings']>[0]) => (await store.meetings(query)).map((m) => m.id);
      assert.deepEqual(await ids({}), ['early', 'elsewhere', 'sibling', 'late']);
      assert.deepEqual(await ids({ unit: 'p1' }), ['early', 'sibling', 'late']);
      assert.deepEqual(await ids({ unit: 'c1' }), ['early', 'late']);
      assert.deepEqual(await ids({ units: ['c3', 'c1'] }), ['early', 'elsewhere', 'late']);
      assert.deepEqual(await ids({ units: ['p2'], unit: 'p1' }), []);
      assert.deepEqual(await ids({ from: '2026-05-01T08:00:00Z', to: '2026-09-01T08:00:00Z' }), ['elsewhere', 'sibling'], 'from is inclusive, to exclusive');
      assert.deepEqual(await ids({ from: '2026-05-01T15:00:00+07:00' }), ['elsewhere', 'sibling', 'late'], 'offsets are compared as instants');
      assert.deepEqual(await ids({ limit: 2 }), ['early', 'elsewhere']);
      assert.deepEqual(await ids({ units: [] }), []);
      const found = await store.meeting('sibling');
      assert.equal(found?.definition.id, 'sibling');
      assert.equal(found?.scheduledAt, '2026-05-01T08:00:00Z', 'the time as given');
      await store.removeMeeting('sibling');
      assert.equal(await store.meeting('sibling'), undefined);
      await store.close();
    });

    it('keeps the latest revocation of a participant, per meeting', async () => {
      const name = fresh();
      const store = await open(name);
      assert.equal(await store.revokedAt('m1', 'a'), undefined);
      await store.revoke('m1', 'a', '2026-03-01T08:00:00.250Z');
      await store.revoke('m1', 'a', '2026-03-01T07:00:00.000Z');
      await store.revoke('m2', 'b', '2026-03-01T15:00:00+07:00');
      await store.close();
      const reopened = await open(name);
      assert.equal(await reopened.revokedAt('m1', 'a'), '2026-03-01T08:00:00.250Z', 'an earlier revocation does not move the cut-off back');
      assert.equal(await reopened.revokedAt('m2', 'b'), '2026-03-01T08:00:00.000Z');
      assert.equal(await reopened.revokedAt('m1', 'b'), undefined);
      await reopened.revoke('m1', 'a', '2026-03-02T08:00:00.000Z');
      assert.equal(await reopened.revokedAt('m1', 'a'), '2026-03-02T08:00:00.000Z');
      await reopened.close();
    });

    it('keeps one assessment per delegate, the latest, in the order first given', async () => {
      const store = await open(fresh());
      await store.recordAssessment(assessment('d1', 'Bài học 1'));
      await store.recordAssessment(assessment('d2', 'Bài học 2'));
      const { score: _score, ...unscored } = assessment('d1', 'Bài học 1, sửa lại');
      await store.recordAssessment(unscored);
      const list = await store.assessments('m1');
      assert.deepEqual(list.map((a) => [a.delegateId, a.lessons]), [
        ['d1', 'Bài học 1, sửa lại'],
        ['d2', 'Bài học 2'],
      ]);
      assert.equal(list[0]!.score, undefined);
      assert.equal(list[1]!.score, 85);
      assert.deepEqual(await store.assessments('m2'), []);
      await store.close();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'party-registry-'));
after(() => rmSync(dir, { recursive: true, force: true }));
registryContract('SQLite', (name) => Promise.resolve(new SqliteRegistryStore(join(dir, `${name}.sqlite`))));

let pg: TestPostgres | { skipped: string } = { skipped: 'PostgreSQL not started yet' };
before(async () => {
  pg = await startPostgres();
  if ('skipped' in pg) console.log(pg.skipped);
});
after(() => {
  if ('stop' in pg) pg.stop();
});
const pgUrl = () => ('url' in pg ? pg.url : '');
registryContract('PostgreSQL', (schema) => PostgresRegistryStore.open({ url: pgUrl(), schema }), () => ('skipped' in pg ? pg.skipped : undefined));
