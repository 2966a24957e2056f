import type { EnglishMessages } from './english-messages';

/** The audit page's words for what the server logs: target types, detail fields and their values. */
export const enAuditLabels: Pick<EnglishMessages, 'auditLabels'> = {
  auditLabels: {
    targetTypes: {
      user: 'Person', school: 'School', region: 'Region', recording: 'Recording', room: 'Recording room', device: 'Recorder', class: 'Class',
      student: 'Student', report: 'Report', bulletin: 'Bulletin', inspection: 'Inspection', inspection_follow_up: 'Follow-up',
      rollout_batch: 'Batch', rollout_deadline: 'Deadline', route: 'API route', audit_log: 'Audit log',
      patrol: 'Patrol record', resource: 'Resource', resource_comment: 'Resource comment',
      research_activity: 'Research activity', research_group: 'Research group', lesson_comment: 'Lesson comment', observation_rubric: 'Observation rubric',
    },
    fields: {
      changed: 'Changed fields', filter: 'Filter', rows: 'Rows', page: 'Page', reason: 'Reason', role: 'Role', assignmentId: 'Assignment id',
      username: 'Username', assignments: 'Roles', name: 'Name', before: 'Before', after: 'After', userId: 'Person id',
      built: 'Recording room built', note: 'Note', cityId: 'City id', countyId: 'County id', schoolId: 'School id', roomId: 'Room id',
      code: 'Code', dueOn: 'Due on', targets: 'Targets', appliesTo: 'Applies to', batchCode: 'Batch', requires: 'Requires',
      deleted: 'Deleted', department: 'Department', period: 'Period', periodStart: 'Period start', cutoff: 'Cut-off',
      retentionDays: 'Retention days', recordings: 'Recordings', ids: 'Ids', day: 'Day', days: 'Days', recomputed: 'School-days recomputed',
      file: 'File', format: 'Format', from: 'From', to: 'To', dates: 'Dates', inspectionId: 'Inspection id', kind: 'Kind',
      published: 'Published', schools: 'Schools', counties: 'Counties', lessons: 'Lessons', lockedUntil: 'Locked until', failures: 'Failures',
      ok: 'Chain intact', rowsChecked: 'Rows checked', firstBadId: 'First bad row', problem: 'Problem', resubmitted: 'Resubmitted',
      oldHint: 'Old token hint', tokenHint: 'Token hint', serial: 'Serial', firmware: 'Firmware', vendor: 'Vendor', model: 'Model',
      groupId: 'Lesson id', tracks: 'Tracks', expiresAt: 'Expires at', schoolDay: 'School day', track: 'Track', title: 'Title', objects: 'Files',
      visitedOn: 'Visited on', rating: 'Rating', followUps: 'Follow-ups', table: 'Table', uploadId: 'Upload id', deviceId: 'Device id',
      size: 'Size (bytes)', sha256: 'SHA-256', duplicate: 'Duplicate', status: 'Status', milestone: 'Milestone', doneOn: 'Done on',
      plannedOn: 'Planned on', evidenceNote: 'Evidence', evidenceLink: 'Evidence link', needs: 'Permission needed', comment: 'Comment', disabled: 'Disabled',
      contactName: 'Contact', contactPhone: 'Contact phone', phone: 'Phone', address: 'Address', township: 'Township', locality: 'Urban/rural',
      poorVillage: 'Poor-village school', studentCount: 'Students', staffCount: 'Staff', location: 'Location', countyIdFilter: 'County',
      actor: 'Actor', action: 'Action', result: 'Result', targetType: 'Target type', targetId: 'Target id', asOf: 'As of', batch: 'Batch',
      met: 'Compliance', order: 'Order', untracked: 'With untracked schools', q: 'Search', subject: 'Subject', counts: 'Counts', value: 'Value', raw: 'Raw',
    },
    atBeijing: 'Time (Beijing)',
    yes: 'yes',
    no: 'no',
    none: 'none',
    targetWithId: '{{type}} (id {{id}})',
  },
};
