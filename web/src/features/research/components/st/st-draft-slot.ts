import type { ComponentType } from 'react';
import type { StCoding as Coding } from '@shared/research-st-types';
import type { LessonToolContext } from '../../lesson-tools';

/**
 * The place for automatic drafts (the S-T draft from a lesson's audio) beside the human codings
 * of the S-T tool: an area registers a panel here and the tool shows it under the observers'
 * codings, handing it the human codings (to compare with) and the interval. The tool itself
 * knows nothing of how a draft is made.
 */
export interface StDraftPanelProps {
  ctx: LessonToolContext;
  /** The human codings of this lesson the viewer sees there (in the activity, or outside any). */
  codings: readonly Coding[];
  intervalSeconds: number;
}

export const ST_DRAFT_PANELS: { key: string; Component: ComponentType<StDraftPanelProps> }[] = [];
