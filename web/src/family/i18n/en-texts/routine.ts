import type { familyZhRoutine } from '../zh-CN-texts/routine';

/** The campus routine in the family app, in English. */
export const familyEnRoutine: typeof familyZhRoutine = {
  routine: {
    tab: 'Day',
    title: 'Lessons and homework',
    noChild: 'No child linked yet: link your child to see the timetable and homework',
    tabs: { today: 'Today', timetable: 'Timetable', calendar: 'Calendar' },
    today: { lessons: 'Lessons today', homework: 'Homework today', noTimetable: 'The class has no timetable yet', noHomework: 'No homework today' },
    period: 'P{{n}}',
    minutes: '{{n}} min',
    weekday: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' },
    kind: { written: 'Written', oral: 'Oral', practice: 'Practice' },
    makeup: 'Today is a working day in lieu ({{name}}): the {{weekday}} timetable runs',
    reason: {
      public_holiday: 'Today is a holiday ({{name}}): no lessons',
      weekend: 'Weekend: no lessons',
      term_break: 'Between terms: no lessons',
      exception_closed: 'School is closed today: {{name}}',
      exception_open: 'School is open today: {{name}}',
      makeup_workday: 'Working day in lieu',
      school_day: 'School day',
    },
    limit: {
      written: 'Written homework {{minutes}} min',
      max: 'National limit {{limit}} min',
      zero: 'No written homework in grades 1–2',
      none: 'Written homework {{minutes}} min (no national limit in senior school)',
      over: 'Over the national limit for written homework: the head teacher has been told',
    },
    calendar: {
      terms: 'Terms of {{school}}',
      noTerms: 'This school year\'s terms are not set yet',
      days: 'Holidays and working days in lieu',
      noDays: 'No holidays or days in lieu soon',
      follows: 'Follows the {{weekday}} timetable',
      workday: 'School',
      off: 'Off',
    },
    card: { title: 'Lessons and homework today', lessons: '{{n}} lessons today, first: {{first}}', homework: '{{n}} homework items today' },
  },
};
