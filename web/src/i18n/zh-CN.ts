import { zhCommon } from './zh-CN-texts/common';
import { zhOrg } from './zh-CN-texts/org';
import { zhVideo } from './zh-CN-texts/video';
import { zhDashboards } from './zh-CN-texts/dashboards';
import { zhSupervision } from './zh-CN-texts/supervision';
import { zhRollout } from './zh-CN-texts/rollout';
import { zhAuditLabels } from './zh-CN-texts/audit-labels';
import { zhSchoolHome } from './zh-CN-texts/school-home';
import { zhAudit } from './zh-CN-texts/audit';
import { zhRecordOnly } from './zh-CN-texts/record-only';
import { zhPlayback } from './zh-CN-texts/playback';
import { zhCalendar } from './zh-CN-texts/calendar';
import { zhLiveMedia } from './zh-CN-texts/live-media';
import { zhReuse } from './zh-CN-texts/reuse';
import { zhResearchComments } from './zh-CN-texts/research-comments';
import { zhResearchSt } from './zh-CN-texts/research-st';
import { zhResearchAnalysis } from './zh-CN-texts/research-analysis';
import { zhPatrol } from './zh-CN-texts/patrol';
import { zhResearchActivities } from './zh-CN-texts/research-activities';
import { zhResearchStAudio } from './zh-CN-texts/research-st-audio';
import { zhResearchRubrics } from './zh-CN-texts/research-rubrics';
import { zhResourcesUse } from './zh-CN-texts/resources-use';
import { zhResourcesConsent } from './zh-CN-texts/resources-consent';
import { zhFamilyNotices } from './zh-CN-texts/family-notices';
import { zhFamilyAttendance } from './zh-CN-texts/family-attendance';
import { zhResourcesReview } from './zh-CN-texts/resources-review';
import { zhResourcesLibrary } from './zh-CN-texts/resources-library';
import { zhResourcesCourseware } from './zh-CN-texts/resources-courseware';
import { zhResourcesEquity } from './zh-CN-texts/resources-equity';
import { zhResourcesSearch } from './zh-CN-texts/resources-search';
import { zhFamilyKindergarten } from './zh-CN-texts/family-kindergarten';
import { zhFamilyBinding } from './zh-CN-texts/family-binding';
import { zhFamilyMessages } from './zh-CN-texts/family-messages';
import { zhFamilyRoutine } from './zh-CN-texts/family-routine';
import { zhSafety } from './zh-CN-texts/safety';
import { zhLiveSchedule } from './zh-CN-texts/live-schedule';
import { zhLiveReplay } from './zh-CN-texts/live-replay';
import { zhLiveKg } from './zh-CN-texts/live-kg';
import { zhLiveInteraction } from './zh-CN-texts/live-interaction';

/**
 * Chinese texts, the product's default language, one file per area in zh-CN-texts/. Every key here
 * must exist in en.ts: the type `Messages` below is what en.ts is checked against. Terms follow
 * the project's GLOSSARY.
 */
export const zhCN = {
  ...zhCommon,
  ...zhOrg,
  ...zhVideo,
  ...zhDashboards,
  ...zhSupervision,
  ...zhRollout,
  ...zhAudit,
  ...zhAuditLabels,
  ...zhSchoolHome,
  ...zhRecordOnly,
  ...zhPlayback,
  ...zhCalendar,
  ...zhLiveMedia,
  ...zhReuse,
  ...zhResearchComments,
  ...zhResearchSt,
  ...zhResearchAnalysis,
  ...zhPatrol,
  ...zhResearchActivities,
  ...zhResearchStAudio,
  ...zhResearchRubrics,
  ...zhResourcesUse,
  ...zhResourcesConsent,
  ...zhResourcesReview,
  ...zhResourcesLibrary,
  ...zhResourcesCourseware,
  ...zhResourcesEquity,
  ...zhResourcesSearch,
  ...zhFamilyKindergarten,
  ...zhFamilyBinding,
  ...zhFamilyMessages,
  ...zhFamilyNotices,
  ...zhFamilyRoutine,
  ...zhSafety,
  ...zhLiveSchedule,
  ...zhFamilyAttendance,
  ...zhLiveReplay,
  ...zhLiveKg,
  ...zhLiveInteraction,
};

/** The shape every language must fill: the same keys as Chinese, any string values. */
export type Messages = typeof zhCN;
