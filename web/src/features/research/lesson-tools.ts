import type { ComponentType } from 'react';
import type { LessonPlayerHandle, PlayerMarker } from '../recordings/components/LessonPlayer';
import { LessonComments } from './components/comments/LessonComments';
import { StCoding } from './components/st/StCoding';
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
  /**
   * Puts a tool's markers on the player's seek bar (replacing that tool's earlier ones): the page
   * keeps them per tool key and passes them all to LessonPlayer's `markers`. Optional: without it
   * the tool works, unmarked.
   */
  showMarkers?: (toolKey: string, markers: readonly PlayerMarker[]) => void;
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
  { key: 'comments', titleKey: 'researchComments.tab', Component: LessonComments },
  // S-T coding works outside an activity too (at an interval the observer chooses).
  { key: 'st', titleKey: 'researchSt.tab', Component: StCoding },
  { key: 'rubric', titleKey: 'researchRubrics.toolTitle', inActivityOnly: true, Component: RubricScoring },
];
