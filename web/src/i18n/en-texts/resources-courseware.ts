import type { EnglishMessages } from './english-messages';

/** Courseware of a resource (English). */
export const enResourcesCourseware: Pick<EnglishMessages, 'resourcesCourseware'> = {
  resourcesCourseware: {
    title: 'Courseware',
    empty: 'No courseware yet',
    upload: 'Upload courseware',
    uploaded: 'Uploaded “{{name}}”',
    limits: 'PDF, PPT/PPTX, DOC/DOCX, PNG/JPEG up to 20 MB each; Office files are converted to PDF on the server for viewing online',
    tooLarge: 'The file is larger than 20 MB: compress its images or split the courseware, then upload again',
    delete: 'Delete',
    deleteConfirm: 'Delete the courseware “{{name}}”? This cannot be undone.',
    deleted: 'Deleted',
    download: 'Download original',
    downloadPdf: 'Download PDF',
    view: 'View',
    pages: '{{count}} pages',
    noThumbnail: 'No thumbnail',
    states: {
      none: 'Image',
      pending: 'Converting…',
      done: 'Viewable online',
      failed: 'Conversion failed',
      waiting_package: 'Waiting for conversion software',
    },
    pendingHelp: 'The server is converting the courseware to PDF, usually within a minute; this page refreshes on its own.',
    viewer: {
      previous: 'Previous page',
      next: 'Next page',
      page: 'Page {{page}} of {{pages}}',
      fitWidth: 'Fit width',
      actualSize: 'Actual size',
      loading: 'Loading the courseware…',
      failed: 'The courseware cannot be shown; download the original file instead',
      notReady: 'This courseware cannot be viewed online yet',
    },
  },
};
