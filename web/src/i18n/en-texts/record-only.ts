import type { EnglishMessages } from './english-messages';

/** Lessons kept as a record without video (history, or demo lessons whose clips are not made yet). */
export const enRecordOnly: Pick<EnglishMessages, 'recordOnly'> = {
  recordOnly: {
    tag: 'Record only',
    tooltip: 'The platform keeps this lesson\'s details and whether it counted, but no video file, so it cannot be played',
    help: 'This lesson is kept as a record only (its details and whether it counted), without a video file, so it cannot be played.',
  },
};
