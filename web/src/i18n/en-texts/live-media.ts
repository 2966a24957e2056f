import type { EnglishMessages } from './english-messages';

/** The live stage (互动教学): mode banner, the lead room's picture, the wall of receiving classes. */
export const enLiveMedia: Pick<EnglishMessages, 'liveMedia'> = {
  liveMedia: {
    twoWay: 'Two-way live class',
    oneWay: 'One-way live (单向直播)',
    oneWayNote: 'This live class runs one way: receiving classrooms watch the lead room but send no picture or sound back; hands, questions and polls still work.',
    reasons: {
      janus_not_installed: 'Why: the Janus media server is not installed on the server (Debian package janus); the class is sent one way as low-latency HLS.',
      janus_unreachable: 'Why: the Janus media server does not answer; the class is sent one way as low-latency HLS.',
      forced_hls: 'Why: the server is set to one-way HLS only (LIVE_MEDIA=hls).',
    },
    leadPicture: 'Lead classroom',
    myCamera: 'This classroom\'s camera (sent to the lead room)',
    wall: 'Receiving classrooms',
    wallEmpty: 'No receiving classroom has joined yet',
    onStage: 'Speaking',
    muted: 'Muted',
    connecting: 'Connecting to the live class…',
    failed: 'Live connection failed: {{message}}',
    room: 'Room {{id}}',
  },
};
