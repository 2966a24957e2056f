import type { zhChildConsent } from '../zh-CN-texts/child-consent';

/** Video consent in the family app, in English. */
export const enChildConsent: typeof zhChildConsent = {
  childConsent: {
    title: 'Video consent',
    note: 'Before lesson videos are shown beyond the school, parents agree to their child appearing. Not set means school only.',
    levels: { internal: 'School only', county: 'County', city: 'City', public: 'Public' },
    help: {
      internal: 'Videos are watched only inside the school and never published beyond it.',
      county: 'Videos may be shared among the schools of the county.',
      city: 'Videos may be shared among the schools of the city.',
      public: 'Videos may be published for anyone, without signing in.',
    },
    current: 'Now: {{level}}',
    save: 'Save',
  },
};
