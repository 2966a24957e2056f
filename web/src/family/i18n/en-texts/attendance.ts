import type { familyZhAttendance } from '../zh-CN-texts/attendance';

/** Arrival and leave (the family app). */
export const familyEnAttendance: typeof familyZhAttendance = {
  attendance: {
    title: 'Arrival and leave',
    today: 'Today',
    notSchoolDay: 'No school today',
    unknown: 'No arrival yet',
    arrivedAt: 'arrived {{time}}',
    statuses: { present: 'Arrived', late: 'Late', absent: 'Not at school', on_leave: 'On leave' },
    month: 'This month',
    counts: '{{schoolDays}} school days: {{present}} on time, {{late}} late, {{absent}} absent, {{onLeave}} on leave',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    askLeave: 'Ask leave',
    from: 'From',
    to: 'To',
    part: 'Part of day',
    parts: { whole: 'Whole day', am: 'Morning', pm: 'Afternoon' },
    reason: 'Reason',
    reasons: { sick: 'Sick', personal: 'Personal' },
    note: 'Note (optional)',
    notePlaceholder: 'e.g. fever, resting at home',
    submit: 'Send request',
    submitted: 'Sent: waiting for the class teacher',
    myRequests: 'My requests',
    none: 'No leave requests yet',
    withdraw: 'Withdraw',
    leaveStatuses: { pending: 'Pending', approved: 'Approved', declined: 'Declined', withdrawn: 'Withdrawn' },
    noChildren: 'No child bound yet',
    more: 'Attendance and leave',
  },
};
