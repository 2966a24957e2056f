import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditNameSources } from '../modules/audit/audit-names.js';
import { regionNames, schoolNames } from '../modules/org/org.names.js';
import { personNames } from '../modules/people/people.names.js';
import { recordingTitles } from '../modules/recordings/recordings.names.js';
import { roomNames } from '../modules/rooms/rooms.names.js';
import { activityTopics, groupNames } from '../modules/research/research.names.js';

/**
 * Who names what the audit log points at: each owning module looks up its own rows. Composed
 * here, beside app.ts, so the audit module depends on no domain module. Students are left out
 * on purpose: a child's name is not for the audit page.
 */
export function auditNameSources(db: Kysely<Database>): AuditNameSources {
  return {
    user: (ids) => personNames(db, ids),
    school: (ids) => schoolNames(db, ids),
    region: (ids) => regionNames(db, ids),
    recording: (ids) => recordingTitles(db, ids),
    room: (ids) => roomNames(db, ids),
    research_activity: (ids) => activityTopics(db, ids),
    research_group: (ids) => groupNames(db, ids),
  };
}
