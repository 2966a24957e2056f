import type { zhFamilyRoutine } from '../zh-CN-texts/family-routine';

/** Homework and class timetables for staff, in English. */
export const enFamilyRoutine: typeof zhFamilyRoutine = {
  homework: {
    title: 'Homework and timetable',
    note: 'National limits: no written homework in grades 1–2, at most 60 minutes of written homework a day in grades 3–6 and 90 in junior middle school. Going over is flagged before posting and the head teacher is told.',
    noClass: 'You are neither head teacher nor subject teacher of any class',
    tabs: { post: 'Post homework', timetable: 'Timetable', figures: 'Weekly figures' },
    field: { subject: 'Subject', content: 'Homework', kind: 'Kind', minutes: 'Expected minutes', assignedOn: 'Given on', dueOn: 'Due on' },
    kind: { written: 'Written', oral: 'Oral', practice: 'Practice' },
    minutes: '{{n}} min',
    weekday: { d1: 'Monday', d2: 'Tuesday', d3: 'Wednesday', d4: 'Thursday', d5: 'Friday', d6: 'Saturday', d7: 'Sunday' },
    limit: {
      max: 'Written homework at most {{limit}} minutes a day',
      zero: 'No written homework in this grade (oral and practice homework allowed)',
      none: 'No national limit on written homework in senior school',
      kindergarten: 'Kindergartens give no homework',
    },
    check: { ok: 'After posting, the class has {{minutes}} minutes of written homework that day ({{limit}})' },
    warning: {
      NO_HOMEWORK: 'Kindergartens give no homework',
      NO_WRITTEN_HOMEWORK: 'No written homework in grades 1–2',
      OVER_WRITTEN_LIMIT: 'The class\'s written homework that day is over the national limit',
    },
    post: { title: 'Post homework', submit: 'Post', anyway: 'Post anyway (the head teacher is told)', done: 'Homework posted' },
    week: { title: 'This week ({{from}} to {{to}})', day: 'Day', items: 'Homework', written: 'Written total' },
    timetable: {
      title: 'Class timetable', add: 'Add a lesson', save: 'Save timetable', saved: 'Timetable saved: {{n}} lessons', remove: 'Remove',
      weekday: 'Weekday', period: 'Period', startsAt: 'Starts', endsAt: 'Ends', teacher: 'Teacher',
    },
    figures: {
      title: 'Weekly homework figures', school: 'School', county: 'County', classes: 'Classes with homework', classDays: 'Class-days with homework',
      avg: 'Average written minutes per class-day', over: 'Class-days over the limit', total: 'Total', week: 'Week: {{from}} to {{to}}',
    },
  },
};
