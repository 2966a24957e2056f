import type { EnglishMessages } from './english-messages';

/** The resource library: browsing, publishing (lessons from recordings, courseware), the public read-only page. */
export const enResourcesLibrary: Pick<EnglishMessages, 'resourcesLibrary'> = {
  resourcesLibrary: {
    title: 'Resource library',
    publish: 'Publish a resource',
    publishFromRecording: 'Publish to the library',
    empty: 'No resources',
    total: '{{total}} in all',
    kinds: { lesson: 'Lesson', courseware: 'Courseware' },
    scopes: { school: 'School', county: 'County', city: 'City', public: 'Public' },
    stages: { preschool: 'Preschool', primary: 'Primary', junior: 'Junior secondary', senior: 'Senior secondary' },
    reviewStages: { school: 'Awaiting school review', county: 'Awaiting county review', city: 'Awaiting city review', done: 'Published', returned: 'Returned', withdrawn: 'Withdrawn' },
    features: { quality: 'Featured', premium: 'Premium' },
    filters: {
      stage: 'Stage', subject: 'Subject', grade: 'Grade', edition: 'Edition', volume: 'Volume', kind: 'Kind', feature: 'Featured', featureAny: 'All featured and premium',
      scope: 'Visible to', school: 'School', mine: 'Published by me', status: 'Status', statusPublished: 'Published', statusPending: 'In review', statusAll: 'All', reset: 'Clear filters',
    },
    columns: { title: 'Title', kind: 'Kind', scope: 'Scope', school: 'School', subjectGrade: 'Subject / grade', publisher: 'Publisher', stage: 'Review' },
    notVisible: 'Not published',
    detail: {
      taxonomy: 'Taxonomy', tags: 'Tags', description: 'Description', noDescription: 'No description', scope: 'Visible to', requestedScope: 'Requested scope',
      consentCap: 'Consent allows up to', reviewStage: 'Review', className: 'Class on video', publisher: 'Publisher', school: 'School', publishedAt: 'Published',
      edit: 'Edit and resubmit', withdraw: 'Withdraw', withdrawConfirm: 'Once withdrawn nobody else sees this resource. Withdraw it?', withdrawn: 'Withdrawn',
      noVideo: 'The lesson\'s recording is gone or cannot play', notReady: 'The recording is still being processed', back: 'Back to the library', publicLink: 'Public page',
    },
    form: {
      titleNew: 'Publish a resource', titleEdit: 'Edit resource', kind: 'Kind', recording: 'Recorded lesson', recordingHelp: 'A processed lesson of your school',
      recordingMissing: 'No lesson chosen: open a recorded lesson and click “Publish to the library”', title: 'Title', titleRequired: 'Enter a title',
      description: 'Description', stage: 'Stage', subject: 'Subject', subjectRequired: 'Enter the subject', grade: 'Grade', edition: 'Textbook edition', volume: 'Volume',
      unit: 'Unit / chapter', lesson: 'Lesson', tags: 'Tags', tagsHelp: 'Press Enter after each, at most 10', classId: 'Class on video',
      classHelp: 'Its guardians\' consent sets the widest scope', scope: 'Requested scope', scopeHelp: 'Reviewed by the school, then the county, then the city; public resources are readable without login',
      submit: 'Submit for review', saved: 'Submitted: waiting for the school\'s review', courseNote: 'Courseware files are uploaded once the resource exists',
    },
    publicPage: { heading: 'Sunshine Campus · public resources', loginHint: 'Sign in to see more resources', notFound: 'The resource does not exist or is not public', login: 'Sign in' },
  },
};
