import type { EnglishMessages } from './english-messages';

/** Resource search: the search page and the compact search box of the library. */
export const enResourcesSearch: Pick<EnglishMessages, 'resourceSearch'> = {
  resourceSearch: {
    title: 'Search resources',
    note: 'Search by lesson title, keyword, tag, textbook chapter or the text of courseware; one or two characters work too. Only resources you may see are shown.',
    placeholder: 'Search a lesson title or keyword, e.g. 分数',
    boxLabel: 'Search resources',
    prompt: 'Type a lesson title or keyword to search',
    none: 'No resources found; try another word',
    total: '{{total}} resources found for “{{query}}”',
    totalCapped: '{{total}}+ resources found for “{{query}}”, most relevant first',
    fromBody: 'Courseware text',
    filter: { stage: 'Stage', subject: 'Subject', grade: 'Grade', kind: 'Type', feature: 'Featured', scope: 'Published to' },
    stage: { preschool: 'Preschool', primary: 'Primary', junior: 'Junior secondary', senior: 'Senior secondary' },
    kind: { lesson: 'Lesson', courseware: 'Courseware' },
    feature: { quality: 'Featured lesson', premium: 'Premium lesson' },
    scope: { school: 'My school', county: 'My county', city: 'The city', public: 'Public' },
  },
};
