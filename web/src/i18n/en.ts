import { enCommon } from './en-texts/common';
import { enOrg } from './en-texts/org';
import { enVideo } from './en-texts/video';
import { enDashboards } from './en-texts/dashboards';
import { enSupervision } from './en-texts/supervision';
import { enRollout } from './en-texts/rollout';
import { enAudit } from './en-texts/audit';
import { enReuse } from './en-texts/reuse';
import type { EnglishMessages } from './en-texts/english-messages';

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
  ...enReuse,
};
