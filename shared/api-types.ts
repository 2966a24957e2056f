/**
 * The shapes of the API's requests and answers, derived from the server's TypeBox schemas, so the
 * web app never re-types them and a schema change shows up as a type error on both sides.
 *
 * Type-only imports: they are erased at build time, so no server code (nor TypeBox) reaches the
 * browser bundle. Lists of values the web app needs at run time (statuses, tracks) stay in the
 * web app, checked against these types.
 */
import type { Static } from 'typebox';
import type { AuditFilterQuery, AuditItemSchema } from '../server/src/modules/audit/audit.schema.js';
import type { AssignmentSchema, MeSchema } from '../server/src/modules/auth/auth.schema.js';
import type { ImportErrorSchema, ImportedSchema, PreviewSchema } from '../server/src/modules/imports/imports.schema.js';
import type {
  GradeSchema, RegionSchema, SchoolFilterQuery, SchoolPatch as SchoolPatchSchema, SchoolSchema, SummarySchema,
} from '../server/src/modules/org/org.schema.js';
import type {
  AssignmentRequest, CreatePersonBody, PeopleFilterQuery, PersonPatch as PersonPatchSchema, PersonSchema,
} from '../server/src/modules/people/people.schema.js';
import type {
  PlaybackSchema, RecordingDetailSchema, RecordingFilterQuery, RecordingSummarySchema, TrackSchema,
} from '../server/src/modules/recordings/recordings.schema.js';
import type {
  AlertFilterQuery, AlertSchema, CreateDeviceBody, CreateRoomBody, DeviceSchema, DeviceTokenSchema, LessonSchema,
  RoomDetailSchema, RoomFilterQuery, RoomPatch as RoomPatchSchema, RoomSchema, RoomSummarySchema, TimetableSchema,
} from '../server/src/modules/rooms/rooms.schema.js';
import type { StudentSchema } from '../server/src/modules/students/students.schema.js';
import type { UploadMetadata } from '../server/src/modules/uploads/upload-metadata.js';

/** A page of a list the server paginates. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// auth
export type Me = Static<typeof MeSchema>;
export type RoleAssignment = Static<typeof AssignmentSchema>;

// org
export type School = Static<typeof SchoolSchema>;
export type SchoolFilters = Static<typeof SchoolFilterQuery>;
export type SchoolPatch = Static<typeof SchoolPatchSchema>;
export type Grade = Static<typeof GradeSchema>;
export type Region = Static<typeof RegionSchema>;
export type RegionDepartment = Region['departments'][number];
export type OrgSummary = Static<typeof SummarySchema>;
export type CountySummary = OrgSummary['byCounty'][number];

// people
export type Person = Static<typeof PersonSchema>;
export type PeopleFilters = Static<typeof PeopleFilterQuery>;
export type AssignmentInput = Static<typeof AssignmentRequest>;
export type NewPerson = Static<typeof CreatePersonBody>;
export type PersonPatch = Static<typeof PersonPatchSchema>;

// students
export type Student = Static<typeof StudentSchema>;

// audit
export type AuditEntry = Static<typeof AuditItemSchema>;
export type AuditFilters = Static<typeof AuditFilterQuery>;
export type AuditResult = AuditEntry['result'];

// imports
export type ImportPreview = Static<typeof PreviewSchema>;
export type ImportRowError = Static<typeof ImportErrorSchema>;
export type ImportKind = ImportPreview['kind'];
export type ImportResult = Static<typeof ImportedSchema>;

// rooms
export type Room = Static<typeof RoomSchema>;
export type RoomDetail = Static<typeof RoomDetailSchema>;
export type RoomFilters = Static<typeof RoomFilterQuery>;
export type RoomStatus = Room['status'];
export type Connectivity = Room['connectivity'];
export type NewRoom = Static<typeof CreateRoomBody>;
export type RoomPatch = Static<typeof RoomPatchSchema>;
export type RoomSummary = Static<typeof RoomSummarySchema>;
export type Device = Static<typeof DeviceSchema>;
export type NewDevice = Static<typeof CreateDeviceBody>;
/** A recorder with its token, answered once when it is added or its token rotated. */
export type DeviceToken = Static<typeof DeviceTokenSchema>;
export type TimetableLesson = Static<typeof LessonSchema>;
export type Timetable = Static<typeof TimetableSchema>;
export type RoomAlert = Static<typeof AlertSchema>;
export type AlertFilters = Static<typeof AlertFilterQuery>;

// recordings
export type Recording = Static<typeof RecordingSummarySchema>;
export type RecordingDetail = Static<typeof RecordingDetailSchema>;
export type RecordingTrack = Static<typeof TrackSchema>;
export type RecordingStatus = Recording['status'];
export type Track = Recording['track'];
export type CountsReason = NonNullable<Recording['countsReasonCode']>;
export type RecordingFilters = Omit<Static<typeof RecordingFilterQuery>, 'page' | 'pageSize'>;
export type Playback = Static<typeof PlaybackSchema>;

// uploads: the tus Upload-Metadata keys (docs/devices.md), as the server reads them
export type LessonUploadMetadata = UploadMetadata;

// compliance and dashboards (数据看板); imported here to keep this block in one place
import type { SchoolRow as ComplianceSchoolSchema, SchoolsQuery as ComplianceSchoolsQuery, SummarySchema as ComplianceSummarySchema } from '../server/src/modules/compliance/compliance.schema.js';
import type { CityDashboardSchema, CountyDashboardSchema, SchoolDashboardSchema } from '../server/src/modules/dashboards/dashboards.schema.js';
export type ComplianceSummary = Static<typeof ComplianceSummarySchema>;
export type ComplianceSchool = Static<typeof ComplianceSchoolSchema>;
export type ComplianceSchoolFilters = Omit<Static<typeof ComplianceSchoolsQuery>, 'page' | 'pageSize'>;
export type CityDashboard = Static<typeof CityDashboardSchema>;
export type CountyDashboard = Static<typeof CountyDashboardSchema>;
export type SchoolDashboard = Static<typeof SchoolDashboardSchema>;

// reports (上报); imported here to keep this block in one place
import type {
  CreateReportBody, ReportDetailSchema, ReportEventSchema, ReportFilterQuery, ReportPatch as ReportPatchSchema, ReportSchema, SettingsSchema as ReportSettingsSchema,
} from '../server/src/modules/reports/reports.schema.js';
export type Report = Static<typeof ReportSchema>;
export type ReportDetail = Static<typeof ReportDetailSchema>;
export type ReportEvent = Static<typeof ReportEventSchema>;
export type ReportFigures = ReportDetail['figures'];
export type ReportStatus = Report['status'];
export type ReportPeriod = Report['period'];
export type ReportFilters = Static<typeof ReportFilterQuery>;
export type NewReport = Static<typeof CreateReportBody>;
export type ReportPatch = Static<typeof ReportPatchSchema>;
export type ReportSettings = Static<typeof ReportSettingsSchema>;

// rollout (项目推进); imported here to keep this block in one place
import type {
  BatchSchema as RolloutBatchSchema, CandidateList as RolloutCandidateList, DeadlineList as RolloutDeadlineList,
  BatchPatchBody as RolloutBatchPatchBody, CreateBatchBody as RolloutNewBatchBody, DeadlinePatchBody as RolloutDeadlinePatchBody,
  CreateDeadlineBody as RolloutNewDeadlineBody,
  OverdueList as RolloutOverdueList, OverdueQuery as RolloutOverdueQuery, ProgressSchema as RolloutProgressSchema,
  RecordMilestoneBody as RolloutRecordMilestoneBody, SchoolDetail as RolloutSchoolDetailSchema, SchoolPage as RolloutSchoolPage,
  SchoolsQuery as RolloutSchoolsQuery,
} from '../server/src/modules/rollout/rollout.schema.js';
export type RolloutBatch = Static<typeof RolloutBatchSchema>;
export type RolloutDeadline = Static<typeof RolloutDeadlineList>['items'][number];
export type RolloutNewBatch = Static<typeof RolloutNewBatchBody>;
export type RolloutBatchPatch = Static<typeof RolloutBatchPatchBody>;
export type RolloutDeadlinePatch = Static<typeof RolloutDeadlinePatchBody>;
export type RolloutNewDeadline = Static<typeof RolloutNewDeadlineBody>;
export type RolloutProgress = Static<typeof RolloutProgressSchema>;
export type RolloutProgressRow = RolloutProgress['rows'][number];
export type RolloutSchoolPage = Static<typeof RolloutSchoolPage>;
export type RolloutSchool = RolloutSchoolPage['items'][number];
export type RolloutSchoolDetail = Static<typeof RolloutSchoolDetailSchema>;
export type RolloutSchoolFilters = Omit<Static<typeof RolloutSchoolsQuery>, 'page' | 'pageSize'>;
export type RolloutOverdue = Static<typeof RolloutOverdueList>;
export type RolloutOverdueItem = RolloutOverdue['items'][number];
export type RolloutOverdueFilters = Static<typeof RolloutOverdueQuery>;
export type RolloutCandidate = Static<typeof RolloutCandidateList>['items'][number];
export type RolloutRecordMilestone = Static<typeof RolloutRecordMilestoneBody>;
