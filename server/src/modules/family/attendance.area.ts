import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AppInstance } from '../../http/app-types.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FamilyChildren } from '../students/family-children.js';
import { createAbsenceAlert } from './attendance-alert.js';
import { createAttendanceGateService } from './attendance-gate.service.js';
import { registerAttendanceRoutes } from './attendance.routes.js';
import { createAttendanceService } from './attendance.service.js';
import { registerLeaveRoutes } from './leave.routes.js';
import { createLeaveService } from './leave.service.js';

/**
 * Attendance and leave, built for the family composition root in one call: its services, its
 * routes and its due work (the absence alert at each school's time).
 */
export function createAttendanceAreaFor(deps: { db: Db; clock: Clock; audit: AuditService; notifications: NotificationsService; children: FamilyChildren }) {
  const attendance = createAttendanceService(deps);
  const gates = createAttendanceGateService({ ...deps, attendance });
  const leave = createLeaveService(deps);
  const alert = createAbsenceAlert(deps);
  return {
    attendance, gates, leave,
    register: (app: AppInstance) => { registerAttendanceRoutes(app, { attendance, gates }); registerLeaveRoutes(app, { leave }); },
    due: { name: 'attendance.absence_alert', run: (now: Date) => alert.run(now) },
  };
}
