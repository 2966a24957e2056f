import type { FamilyMessages } from '../zh-CN';

/** Messages (家校沟通): the family app's conversations with the child's teachers. */
export const familyEnMessages: Pick<FamilyMessages, 'messages'> = {
  messages: {
    tab: 'Messages',
    title: 'Messages with teachers',
    empty: 'No conversations yet. You can write to your child\'s teachers.',
    loadFailed: 'Messages could not be loaded; please try again later',
    noMessagesYet: 'No messages yet',
    classLabel: '{{label}} class group',
    writeToTeacher: 'Write to a teacher',
    noChildren: 'No child is bound to your account yet: bind your child first.',
    notFound: 'This conversation does not exist, or is not yours to read',
    hoursOf: '{{name}}\'s working hours: {{hours}}',
    offHours: 'Outside the teacher\'s working hours: the message will be read during working hours',
    older: 'Earlier messages',
    placeholder: 'Type a message (up to 1000 characters)',
    send: 'Send',
    sendFailed: 'The message could not be sent; please try again',
    report: 'Report',
    reportTitle: 'Report this message',
    reportReason: 'Say why: the school will look into it',
    reportReasonNeeded: 'Please give a reason',
    reported: 'Sent: the school will look into it',
    cancel: 'Cancel',
    dayRange: '{{from}}–{{to}}',
    weekday: { d1: 'Mon', d2: 'Tue', d3: 'Wed', d4: 'Thu', d5: 'Fri', d6: 'Sat', d7: 'Sun' },
  },
};
