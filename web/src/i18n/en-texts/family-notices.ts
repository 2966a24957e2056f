import type { zhFamilyNotices } from '../zh-CN-texts/family-notices';

/** Family notices: the staff side. */
export const enFamilyNotices: typeof zhFamilyNotices = {
  familyNotices: {
    title: 'Family notices',
    note: 'To the parents of classes, grades, schools or counties; each family gets one notice naming its children',
    tabs: { compose: 'New notice', sent: 'Sent notices' },
    form: {
      title: 'Title', body: 'Text', audienceKind: 'Audience', audience: 'Choose', mustConfirm: 'Parents confirm receipt', urgent: 'Urgent (pushed during quiet hours too)',
      emergency: 'Emergency (all families and staff of the chosen schools, pushed at once)', includeStaff: 'Also to these schools\' staff', attachments: 'Attachments', upload: 'Attach a file',
      send: 'Send', sent: 'Sent to {{families}} families{{staff}}', sentStaff: ' and {{count}} staff', held: 'Quiet hours: the push goes at {{at}}',
      quietNote: '21:30–07:00 are quiet hours: a non-urgent notice is pushed at 07:00 (it is in the app at once)',
      titleRequired: 'Enter a title', bodyRequired: 'Enter the text', audienceRequired: 'Choose the audience',
    },
    kinds: { classes: 'Classes', grades: 'Grades', schools: 'Schools', counties: 'Counties' },
    list: { title: 'Title', audience: 'Audience', sentAt: 'Sent', read: 'Read', confirmed: 'Confirmed', empty: 'No notices sent yet', tags: { urgent: 'Urgent', emergency: 'Emergency', held: 'Push waiting' } },
    receipts: {
      back: 'Back', rate: 'Read', confirmRate: 'Confirmed', recipients: '{{count}} recipients', read: '{{count}} read', confirmed: '{{count}} confirmed',
      staff: 'Staff: {{read}} / {{recipients}} read', live: 'Live (every 3 s)', updatedAt: 'Updated {{at}}',
      className: 'Class', school: 'School', notRead: 'Not read', readOnly: 'Read, not confirmed', confirmedList: 'Confirmed', none: 'None',
      remindUnread: 'Remind those who have not read', remindUnconfirmed: 'Remind those who have not confirmed', reminded: '{{count}} reminded', figuresOnly: 'Bureaus see figures only, no pupil\'s name',
    },
    received: { confirm: 'Confirm receipt', confirmedAt: 'Receipt confirmed at {{at}}', from: 'From: {{name}}', attachments: 'Attachments' },
  },
};
