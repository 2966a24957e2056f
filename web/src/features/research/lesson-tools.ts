import type { ComponentType } from 'react';
import type { LessonPlayerHandle } from '../recordings/components/LessonPlayer';
import { RubricScoring } from './components/RubricScoring';

/**
 * The tools beside a lesson's player on the research lesson page (comments at a time, rubric
 * scoring, S-T coding): each area registers one here, and the page shows them as tabs. A tool
 * reads the lesson and the activity it is opened in, and drives the player through its handle.
 */
export interface LessonToolContext {
  /** The activity the lesson is opened in; null on a lesson's own page, outside any activity. */
  activity: {
    id: number;
    status: 'planned' | 'open' | 'summarised';
    rubricId: number | null;
    stIntervalSeconds: number;
    /** Whether the viewer organises it (may moderate comments, close reviews). */
    organises: boolean;
  } | null;
  /** The lesson's representative track (the id the recordings and research APIs take). */
  recordingId: number;
  lesson: { schoolId: number; groupId: string; teacherUserId: number | null; title: string; durationSeconds: number | null };
  /** Null until the main picture plays. */
  player: LessonPlayerHandle | null;
}

export interface LessonTool {
  key: string;
  /** i18n key of the tab title. */
  titleKey: string;
  /** Shown only inside an activity (rubric scoring needs the activity's rubric). */
  inActivityOnly?: boolean;
  Component: ComponentType<{ ctx: LessonToolContext }>;
}

/** Registered tools, in tab order. */
export const LESSON_TOOLS: LessonTool[] = [
  { key: 'rubric', titleKey: 'researchRubrics.toolTitle', inActivityOnly: true, Component: RubricScoring },
];
