import { enCommon } from './en-texts/common';
import { enOrg } from './en-texts/org';
import { enVideo } from './en-texts/video';
import { enDashboards } from './en-texts/dashboards';
import { enSupervision } from './en-texts/supervision';
import { enRollout } from './en-texts/rollout';
import { enAuditLabels } from './en-texts/audit-labels';
import { enSchoolHome } from './en-texts/school-home';
import { enAudit } from './en-texts/audit';
import { enRecordOnly } from './en-texts/record-only';
import { enPlayback } from './en-texts/playback';
import { enCalendar } from './en-texts/calendar';
import { enLiveMedia } from './en-texts/live-media';
import { enReuse } from './en-texts/reuse';
import { enResearchAnalysis } from './en-texts/research-analysis';
import { enResearchErrors } from './en-texts/research-errors';
import { enResearchComments } from './en-texts/research-comments';
import { enResearchSt } from './en-texts/research-st';
import { enResearchActivities } from './en-texts/research-activities';
import { enResearchStAudio } from './en-texts/research-st-audio';
import { enResearchRubrics } from './en-texts/research-rubrics';
import { enResourcesEquity } from './en-texts/resources-equity';
import { enResourcesErrorsEquity } from './en-texts/resources-errors-equity';
import type { EnglishMessages } from './en-texts/english-messages';
import { enFamilyBinding } from './en-texts/family-binding';
import { enFamilyErrorsBinding } from './en-texts/family-errors-binding';
import { enPatrol } from './en-texts/patrol';
import { enResourcesUse } from './en-texts/resources-use';
import { enResourcesErrorsUse } from './en-texts/resources-errors-use';
import { enResourcesConsent } from './en-texts/resources-consent';
import { enResourcesReview } from './en-texts/resources-review';
import { enResourcesErrorsReview } from './en-texts/resources-errors-review';
import { enResourcesLibrary } from './en-texts/resources-library';
import { enResourcesErrorsLibrary } from './en-texts/resources-errors-library';
import { enResourcesCourseware } from './en-texts/resources-courseware';
import { enResourcesErrorsCourseware } from './en-texts/resources-errors-courseware';
import { enResourcesSearch } from './en-texts/resources-search';
import { enFamilyAttendance } from './en-texts/family-attendance';
import { enFamilyErrorsAttendance } from './en-texts/family-errors-attendance';
import { enResourcesSearchErrors } from './en-texts/resources-errors-search';
import { enFamilyKindergarten } from './en-texts/family-kindergarten';
import { enFamilyErrorsKindergarten } from './en-texts/family-errors-kindergarten';
import { enFamilyMessages } from './en-texts/family-messages';
import { enFamilyErrorsMessages } from './en-texts/family-errors-messages';
import { enFamilyNotices } from './en-texts/family-notices';
import { enFamilyErrorsNotices } from './en-texts/family-errors-notices';
import { enFamilyRoutine } from './en-texts/family-routine';
import { enFamilyErrorsRoutine } from './en-texts/family-errors-routine';
import { enSafety } from './en-texts/safety';
import { enLiveReplay } from './en-texts/live-replay';
import { enLiveInteraction } from './en-texts/live-interaction';
import { enSafetyErrors } from './en-texts/safety-errors';
import { enLiveSchedule } from './en-texts/live-schedule';
import { enLiveScheduleErrors } from './en-texts/live-schedule-errors';
import { enLiveKgErrors } from './en-texts/live-kg-errors';
import { enLiveErrors } from './en-texts/live-errors';
import { enLiveKg } from './en-texts/live-kg';

/**
 * English texts, one file per area in en-texts/. Each part is typed against the Chinese `Messages`,
 * so a key missing here (or one zh-CN lacks, outside `errors`) fails the type check.
 */
export const en: EnglishMessages = {
  ...enCommon,
  ...enOrg,
  ...enVideo,
  ...enDashboards,
  ...enSupervision,
  ...enRollout,
  ...enAudit,
  ...enAuditLabels,
  ...enSchoolHome,
  ...enRecordOnly,
  ...enPlayback,
  ...enCalendar,
  ...enLiveMedia,
  ...enReuse,
  ...enResearchComments,
  ...enResearchSt,
  ...enResearchAnalysis,
  ...enPatrol,
  ...enResearchActivities,
  ...enResearchStAudio,
  ...enResearchRubrics,
  ...enResourcesUse,
  ...enResourcesConsent,
  ...enResourcesReview,
  ...enResourcesLibrary,
  ...enResourcesCourseware,
  ...enResourcesEquity,
  ...enResourcesSearch,
  ...enFamilyKindergarten,
  ...enFamilyBinding,
  ...enFamilyMessages,
  ...enFamilyNotices,
  ...enFamilyRoutine,
  ...enSafety,
  ...enLiveSchedule,
  ...enFamilyAttendance,
  ...enLiveReplay,
  ...enLiveKg,
  ...enLiveInteraction,
  // Each area's error codes beside the common ones.
  errors: {
    ...enCommon.errors, ...enResearchErrors, ...enResourcesErrorsUse, ...enResourcesErrorsReview, ...enResourcesErrorsLibrary,
    ...enResourcesErrorsCourseware, ...enResourcesErrorsEquity, ...enResourcesSearchErrors,
    ...enFamilyErrorsKindergarten,
    ...enFamilyErrorsBinding,
    ...enFamilyErrorsMessages,
    ...enFamilyErrorsNotices,
    ...enFamilyErrorsRoutine,
    ...enSafetyErrors,
    ...enLiveScheduleErrors,
    ...enFamilyErrorsAttendance,
    ...enLiveKgErrors,
    ...enLiveErrors,
  },
};
