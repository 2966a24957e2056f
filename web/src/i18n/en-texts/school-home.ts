import type { EnglishMessages } from './english-messages';

/** A school's home page (principal, teacher), my lessons and the compliance list's own words. */
export const enSchoolHome: Pick<EnglishMessages, 'schoolHome' | 'myRecordings' | 'complianceList'> = {
  schoolHome: {
    quotaTitle: '{{school}} · recorded-lesson quota',
    quotaTitleShort: 'Our recorded-lesson quota',
    openDashboard: 'Open the school dashboard',
    todayLessons: '{{day}} counted lessons / required',
    noSchoolDay: 'Not a school day',
    quotaMet: 'Quota met today',
    quotaPending: 'Quota not met yet today',
    quotaMissed: 'Quota missed',
    monthRate: 'This month: days met',
    judgedDays: '{{met}} of {{judged}} school days met',
    monthMissed: 'This month: days missed',
    monthLessons: 'This month: counted lessons',
    nextLessons: 'Next timetabled lessons',
    noLessons: 'No recorded lesson in the timetables for the next seven days',
    noRooms: 'The school has no recording room yet',
    alerts: 'Needs attention',
    roomAlert: 'Room',
    inbox: 'Message',
    inboxAll: 'All messages ({{n}} unread)',
    noAlerts: 'Nothing needs attention',
    all: 'All ({{n}})',
  },
  myRecordings: {
    title: 'My recorded lessons',
    onlyMine: 'Only mine',
    empty: 'No lesson you taught or uploaded yet',
  },
  complianceList: {
    showUntracked: 'Show untracked schools',
  },
};
