import type { EnglishMessages } from './english-messages';

/** Live class replay (issue 12): the live class beside its recorded lesson, hands and polls on the timeline. */
export const enLiveReplay: Pick<EnglishMessages, 'liveReplay'> = {
  liveReplay: {
    tag: 'Live class',
    title: 'Live class interaction record',
    help: 'This lesson is the replay of a live class: the lead school and the receiving schools can both watch it. Hands and polls are marked on the seek bar; click one to jump there.',
    rooms: 'Classrooms',
    lead: 'Lead',
    receiving: 'Receiving',
    noTrack: 'No picture recorded',
    markers: 'Hands and polls',
    noMarkers: 'No hands, polls or questions were recorded in this lesson',
    notReady: 'The replay is being made; refresh in a moment to watch it',
    kinds: {
      handRaise: 'Hand raised',
      handCall: 'Called on',
      pollOpen: 'Poll opened',
      pollClose: 'Poll closed',
      question: 'Question',
    },
    markerLabel: '{{kind}}: {{what}}',
    wholeClass: 'All classrooms',
  },
};
