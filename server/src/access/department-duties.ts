import type { Actor, Grant } from './actor.js';
import { keepsRecordingRooms } from '../../../shared/department-duties.js';

/**
 * The departments' duties (shared/department-duties.ts, the web reads the same file) and what the
 * server derives from them for a person's grants.
 */
export {
  departmentAnswersFor, departmentFor, type Duty, keepsRecordingRooms, PROGRAMME_KINDS, programmeGroupsOf,
} from '../../../shared/department-duties.js';

/** The grants with which a person may keep recording rooms and their lessons (the 教科所's, not the other departments'). */
export function roomKeeperGrants(actor: Pick<Actor, 'grants'>): Grant[] {
  return actor.grants.filter(keepsRecordingRooms);
}
