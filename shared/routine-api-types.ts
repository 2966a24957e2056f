/**
 * The API shapes of the campus routine (日常: timetable, a child's day, school calendar) and of
 * homework (作业), derived from the server's TypeBox schemas like api-types.ts.
 * Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type {
  HomeworkItemSchema, LessonSchema, SaveTimetableBody, SchoolCalendarSchema, TimetableSavedSchema, TimetableSchema, TodaySchema,
} from '../server/src/modules/family/routine.schema.js';
import type {
  ClassHomeworkSchema, HomeworkBody, HomeworkCheckSchema, HomeworkPostedSchema, StaffClassesSchema, WeeklyFiguresSchema,
} from '../server/src/modules/family/homework.schema.js';

export type Lesson = Static<typeof LessonSchema>;
export type ClassTimetable = Static<typeof TimetableSchema>;
export type SaveTimetable = Static<typeof SaveTimetableBody>;
export type TimetableSaved = Static<typeof TimetableSavedSchema>;
export type ChildDay = Static<typeof TodaySchema>;
export type ChildSchoolCalendar = Static<typeof SchoolCalendarSchema>;
export type HomeworkItem = Static<typeof HomeworkItemSchema>;
export type NewHomework = Static<typeof HomeworkBody>;
export type HomeworkCheck = Static<typeof HomeworkCheckSchema>;
export type HomeworkPosted = Static<typeof HomeworkPostedSchema>;
export type ClassHomework = Static<typeof ClassHomeworkSchema>;
export type StaffClasses = Static<typeof StaffClassesSchema>;
export type WeeklyHomeworkFigures = Static<typeof WeeklyFiguresSchema>;

export interface RoutineChild {
  id: number;
  label: string;
  studentNo: string;
  classId: number;
  gradeLevel: number;
  schoolName: string;
}
