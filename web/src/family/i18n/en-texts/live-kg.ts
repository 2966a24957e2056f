import type { familyZhLiveKg } from '../zh-CN-texts/live-kg';

/** Kindergarten live view (family app): the class's rooms live inside their opening hours; no replay. */
export const familyEnLiveKg: typeof familyZhLiveKg = {
  liveKg: {
    title: 'Kindergarten live view',
    card: 'Live view',
    cardOpen: '{{room}} is live now: tap to watch',
    cardClosed: '{{room}}: {{text}}',
    none: 'Your child\'s class has no live view yet',
    watch: 'Watch',
    stop: 'Stop watching',
    open: 'Live',
    closed: 'Closed',
    forChild: 'Watching for {{label}}',
    liveOnly: 'Live only, no replay; every viewing is recorded with who watched and for how long.',
    oneWay: 'One-way live',
    loading: 'Connecting…',
    noStream: 'The camera\'s picture has not arrived yet: please try again later',
    ended: 'Viewing ended',
    windows: 'Opening hours',
    weekdays: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
};
