import type { EnglishMessages } from './english-messages';

/** The multi-track lesson player: layouts, the main picture, the seek bar. */
export const enPlayback: Pick<EnglishMessages, 'multiTrack'> = {
  multiTrack: {
    main: 'Main picture',
    layout: 'Layout',
    single: 'One picture',
    grid: 'Grid',
    pip: 'Picture in picture',
    makeMain: 'Click to make “{{track}}” the main picture',
    seek: 'Playback position',
    offsets: 'Track sync',
    offsetsHelp: 'Where each camera\'s recording starts on the lesson\'s timeline, in seconds: a camera switched on 2 s late is 2; one switched on early is negative. The player lines the pictures up by it.',
    offsetsSaved: 'Track sync saved',
    seconds: 's',
    startsAt: 'starts at {{value}} s',
  },
};
