/**
 * The API shapes of class patrol (巡课), derived from the server's TypeBox schemas like
 * api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  ExportQuery, LessonPatrolsSchema, PatrolBody, PatrolSchema, RecordsPage, RecordsQuery, SchoolStatSchema, StatsQuery, StatsSchema,
  TeacherStatSchema, WallLessonSchema, WallQuery, WallSchema,
} from '../server/src/modules/patrol/patrol.schema.js';

export type PatrolWall = Static<typeof WallSchema>;
export type PatrolWallLesson = Static<typeof WallLessonSchema>;
export type PatrolWallFilters = Omit<Static<typeof WallQuery>, 'page' | 'pageSize'>;
export type PatrolLessonState = PatrolWallLesson['state'];
export type PatrolLesson = Static<typeof LessonPatrolsSchema>;
export type Patrol = Static<typeof PatrolSchema>;
export type PatrolInput = Static<typeof PatrolBody>;
export type PatrolRecords = Static<typeof RecordsPage>;
export type PatrolRecordFilters = Omit<Static<typeof RecordsQuery>, 'page' | 'pageSize'>;
export type PatrolStats = Static<typeof StatsSchema>;
export type PatrolStatsFilters = Static<typeof StatsQuery>;
export type PatrolSchoolStat = Static<typeof SchoolStatSchema>;
export type PatrolTeacherStat = Static<typeof TeacherStatSchema>;
export type PatrolExportBy = Static<typeof ExportQuery>['by'];
