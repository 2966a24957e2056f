import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { auditMatrix } from '../modules/audit/audit.matrix.js';
import { roomsMatrix } from '../modules/rooms/rooms.matrix.js';
import { calendarMatrix } from '../modules/calendar/calendar.matrix.js';
import { complianceMatrix } from '../modules/compliance/compliance.matrix.js';
import { rolloutMatrix } from '../modules/rollout/rollout.matrix.js';
import { dashboardsMatrix } from '../modules/dashboards/dashboards.matrix.js';
import { recordingsMatrix } from '../modules/recordings/recordings.matrix.js';
import { reportsMatrix } from '../modules/reports/reports.matrix.js';
import { inspectionsMatrix } from '../modules/inspections/inspections.matrix.js';
import { notificationsMatrix } from '../modules/notifications/notifications.matrix.js';
import { bulletinsMatrix } from '../modules/bulletins/bulletins.matrix.js';
import { commentsMatrix } from '../modules/research/comments.matrix.js';
import { peopleMatrix } from '../modules/people/people.matrix.js';
import { studentsMatrix } from '../modules/students/students.matrix.js';
import { foundationMatrix } from './matrix/foundation.matrix.js';
import { stCodingsMatrix } from '../modules/research/st-codings.matrix.js';
import { importsMatrix } from '../modules/imports/imports.matrix.js';
import { analysisMatrix } from '../modules/research/analysis.matrix.js';
import { patrolMatrix } from '../modules/patrol/patrol.matrix.js';
import { activitiesMatrix } from '../modules/research/activities.matrix.js';
import { bookingsMatrix } from '../modules/rooms/bookings.matrix.js';
import { stAudioMatrix } from '../modules/research/st-audio.matrix.js';
import { rubricsMatrix } from '../modules/research/rubrics.matrix.js';
import { engagementMatrix } from '../modules/resources/engagement.matrix.js';
import { reviewMatrix } from '../modules/resources/review.matrix.js';
import { resourcesMatrix } from '../modules/resources/resources.matrix.js';
import { coursewareMatrix } from '../modules/resources/courseware.matrix.js';
import { searchMatrix } from '../modules/resources/search.matrix.js';
import { noticesMatrix } from '../modules/family/notices.matrix.js';
import { safetyMatrix } from '../modules/safety/safety.matrix.js';
import { replayMatrix } from '../modules/live/replay.matrix.js';
import { buildMatrixFixture } from './matrix/matrix-fixture.js';
import { mediaMatrix } from '../modules/live/media/media.matrix.js';
import { liveMatrix } from '../modules/live/live.matrix.js';
import { kgViewMatrix } from '../modules/live/kg-view.matrix.js';
import { consentMatrix } from '../modules/students/consent.matrix.js';
import { kindergartenMatrix } from '../modules/family/kindergarten.matrix.js';
import { attendanceMatrix } from '../modules/family/attendance.matrix.js';
import { equityMatrix } from '../modules/equity/equity.matrix.js';
import { familyHomeMatrix } from '../modules/family/home.matrix.js';
import { bindingMatrix } from '../modules/family/binding.matrix.js';
import { messagesMatrix } from '../modules/family/messages.matrix.js';
import { routineMatrix } from '../modules/family/routine.matrix.js';
import { interactionMatrix } from '../modules/live/interaction.matrix.js';
import { MATRIX_ACTORS, type MatrixActor, type MatrixEntry, type MatrixFixture, type MatrixRequest, TARGETS } from './matrix/matrix-types.js';

/**
 * The access matrix, tried from the attacker's side: every API route × every role × {own node,
 * a neighbour in the same county, another county}, against outcomes written down by hand.
 * A route registered without an entry here fails the first test.
 */
const MATRIX: MatrixEntry[] = [...foundationMatrix, ...importsMatrix, ...peopleMatrix, ...studentsMatrix, ...auditMatrix, ...roomsMatrix, ...calendarMatrix, ...complianceMatrix, ...rolloutMatrix, ...dashboardsMatrix, ...recordingsMatrix, ...reportsMatrix, ...inspectionsMatrix, ...notificationsMatrix, ...bulletinsMatrix, ...commentsMatrix, ...stCodingsMatrix, ...analysisMatrix, ...patrolMatrix, ...activitiesMatrix, ...bookingsMatrix, ...stAudioMatrix];
MATRIX.push(...rubricsMatrix);
MATRIX.push(...engagementMatrix);
MATRIX.push(...consentMatrix);
MATRIX.push(...reviewMatrix);
MATRIX.push(...resourcesMatrix);
MATRIX.push(...coursewareMatrix);
MATRIX.push(...equityMatrix);
MATRIX.push(...searchMatrix);
MATRIX.push(...kindergartenMatrix);
MATRIX.push(...familyHomeMatrix);
MATRIX.push(...bindingMatrix);
MATRIX.push(...messagesMatrix);
MATRIX.push(...noticesMatrix);
MATRIX.push(...routineMatrix);
MATRIX.push(...safetyMatrix);
MATRIX.push(...attendanceMatrix);
MATRIX.push(...liveMatrix);
MATRIX.push(...mediaMatrix);
MATRIX.push(...replayMatrix);
MATRIX.push(...kgViewMatrix);
MATRIX.push(...interactionMatrix);

describe('access matrix: route × role × scope', () => {
  let t: TestApp;
  let f: MatrixFixture;
  const clients = new Map<MatrixActor, Awaited<ReturnType<TestApp['login']>> | null>();

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildMatrixFixture(t);
    for (const [actor, username] of Object.entries(MATRIX_ACTORS) as [MatrixActor, string | null][]) {
      clients.set(actor, username ? await t.login(username) : null);
    }
  });
  afterAll(async () => t.close());

  function send(actor: MatrixActor, req: MatrixRequest) {
    const c = clients.get(actor);
    const headers = { ...(c?.headers ?? {}), ...(req.headers ?? {}) };
    return t.app.inject({ method: req.method, url: req.url, headers, payload: (req.body ?? req.payload) as never });
  }

  it('has an entry for every API route, and no entry for a route that does not exist', () => {
    const registered = t.routes.map((r) => `${r.method} ${r.url}`).sort();
    const covered = MATRIX.map((e) => e.route).sort();
    expect(registered.filter((r) => !covered.includes(r)), 'routes without a matrix entry').toEqual([]);
    expect(covered.filter((r) => !registered.includes(r)), 'matrix entries for no route').toEqual([]);
  });

  const ordered = [...MATRIX.filter((e) => !(e.kind === 'plain' && e.last)), ...MATRIX.filter((e) => e.kind === 'plain' && e.last)];
  it.each(ordered.map((e) => [e.route, e] as const))('%s', async (_route, entry) => {
    const wrong: string[] = [];
    for (const actor of Object.keys(MATRIX_ACTORS) as MatrixActor[]) {
      if (entry.kind === 'item') {
        const want = entry.expect[actor];
        for (const [i, target] of TARGETS.entries()) {
          const status = typeof want === 'number' ? want : want[i];
          const res = await send(actor, entry.request(f, target, actor));
          if (res.statusCode !== status) wrong.push(`${actor} → ${target}: ${res.statusCode} (expected ${status}) ${res.body.slice(0, 120)}`);
        }
      } else if (entry.kind === 'plain') {
        const res = await send(actor, entry.request(f));
        if (res.statusCode !== entry.expect[actor]) wrong.push(`${actor}: ${res.statusCode} (expected ${entry.expect[actor]})`);
      } else {
        const want = entry.expect[actor];
        const res = await send(actor, entry.request(f));
        const status = typeof want === 'number' ? want : 200;
        if (res.statusCode !== status) {
          wrong.push(`${actor}: ${res.statusCode} (expected ${status}) ${res.body.slice(0, 120)}`);
          continue;
        }
        if (typeof want === 'number') continue;
        const text = entry.read ? await entry.read(res) : res.body;
        const seen = TARGETS.map((target, i) => (text.includes(f.marker[entry.of][target]) ? 'osf'[i] : '-')).join('');
        if (seen !== want) wrong.push(`${actor}: sees ${seen} (expected ${want})`);
      }
    }
    expect(wrong).toEqual([]);
    // One entry is 36 requests (12 actors × 3 targets); a PDF export's answers take half a second each
    // on a loaded CI machine, past the suite's 30 s for a single test.
  }, 120_000);
});
