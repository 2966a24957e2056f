import type { EnglishMessages } from './english-messages';

/** A recording whose file another school uploaded too (the server's `reuse` flag). */
export const enReuse: Pick<EnglishMessages, 'recordingReuse'> = {
  recordingReuse: {
    label: 'Duplicate file',
    copyTag: 'Possibly another school\'s lesson',
    originalTag: 'Uploaded again by another school',
    copyHint: 'This file is identical to one {{where}} uploaded earlier, so it does not count; the research office has been asked to check.',
    originalHint: 'The same file was uploaded again by {{where}} as its own lesson; it still counts for this school, and the research office has been asked to check.',
    sameCounty: 'another school of this county',
    otherCounty: 'a school in another county',
  },
};
