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
  },
};
