import type { RegionTable, DepartmentTable, SchoolTable, GradeTable, ClassTable } from './schema/org.js';
import type { UserTable, RoleAssignmentTable, StudentTable, GuardianshipTable, ClassStaffTable, SessionTable } from './schema/people.js';
import type { AuditLogTable, AuditChainTable, AuditAnchorTable } from './schema/audit.js';
import type { RoomTable, DeviceTable, RoomTimetableTable, RoomAlertTable, UploadTable, RecordingTable } from './schema/video.js';
import type { JobTable } from './schema/jobs.js';
import type { SchoolTermTable, PublicDayTable, CalendarOverrideTable, QuotaRuleTable, ComplianceTrackingTable, ComplianceDayTable, ComplianceCountyDayTable } from './schema/compliance.js';
import type { InspectionTable, InspectionFollowUpTable, NotificationTable, BulletinTable, BulletinSubjectTable, ReportSettingsTable, ReportTable, ReportEventTable } from './schema/supervision.js';
import type {
  ResearchGroupTable, ResearchGroupMemberTable, ResearchActivityTable, ResearchActivitySchoolTable, ResearchActivityMemberTable,
  ResearchActivityLessonTable, ResearchActivityFileTable, RoomBookingTable, LessonCommentTable, LessonCommentEditTable,
  ObservationRubricTable, ObservationScoreTable, StCodingTable, StAudioDraftTable, PatrolTable,
} from './schema/research.js';
import type {
  ResourceTable, ResourceFileTable, ResourceReviewTable, ResourceUseTable, ResourceFavouriteTable, ResourceRatingTable,
  ResourceCommentTable, StudentConsentTable, StudentConsentChangeTable,
} from './schema/resources.js';
import type {
  ResourceUseRollupStateTable, ResourceUseSchoolMonthTable, ResourceUseCountyFlowTable, ResourceUseFeaturedTable,
} from './schema/resource-rollup.js';
import type { ResourceSearchTable } from './schema/resource-search.js';
import type { PickupPersonTable, PickupOneOffTable, KindergartenArrivalTable, KindergartenPickupTable, PickupRefusalTable, HealthCheckTable, MedicationTable, MedicationDoseTable } from './schema/family-kindergarten.js';
import type { BindingCodeTable, BindingRequestTable, BindingFailureTable } from './schema/family-binding.js';
import type { FamilyConversationTable, FamilyMessageTable, FamilyMessageReadTable, FamilyMessageReportTable, FamilyWorkingHoursTable } from './schema/family-messages.js';
import type { NoticeTable, NoticeClassTable, NoticeDeliveryTable, NoticeDeliveryChildTable, NoticeAttachmentTable } from './schema/family-notices.js';
import type { ClassTimetableTable, HomeworkTable } from './schema/family-routine.js';
import type { LiveClassTable, LiveClassRoomTable, LiveSessionTable, LiveEventTable, LiveAttendanceTable } from './schema/live.js';
import type { LiveKgRoomTable, LiveKgWindowTable, LiveKgViewTable } from './schema/live-kg.js';
import type { PlatformSecretTable, ClusterLeaseTable } from './schema/cluster.js';
import type { SafetySchoolAreaTable, SafetyCheckTable, SafetyHazardTable, SafetyHazardPhotoTable, SafetyDrillTable } from './schema/safety.js';
import type { AttendanceDayTable, LeaveRequestTable, AttendanceSettingsTable, AttendanceAlertRunTable, AttendanceGateTable } from './schema/family-attendance.js';
import type { RolloutBatchTable, RolloutBatchTargetTable, RolloutDeadlineTable, RolloutSchoolTable, RolloutMilestoneTable } from './schema/rollout.js';

export type * from './schema/org.js';
export type * from './schema/people.js';
export type * from './schema/audit.js';
export type * from './schema/video.js';
export type * from './schema/jobs.js';
export type * from './schema/compliance.js';
export type * from './schema/supervision.js';
export type * from './schema/rollout.js';
export type * from './schema/research.js';
export type * from './schema/resources.js';
export type * from './schema/resource-search.js';
export type * from './schema/family-binding.js';
export type * from './schema/family-notices.js';
export type * from './schema/family-routine.js';
export type * from './schema/safety.js';
export type * from './schema/live.js';
export type * from './schema/live-kg.js';

/**
 * Table types for Kysely. Conventions that hold on SQLite and PostgreSQL alike:
 * booleans are integers 0/1, timestamps are ISO-8601 UTC text (`toISOString()`, so text order is
 * time order), dates are `YYYY-MM-DD` text. Each area's tables are in schema/<area>.ts; this file
 * names every table once, for queries to find by name.
 */
export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  schools: SchoolTable;
  grades: GradeTable;
  classes: ClassTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  students: StudentTable;
  guardianships: GuardianshipTable;
  class_staff: ClassStaffTable;
  pickup_persons: PickupPersonTable;
  pickup_one_offs: PickupOneOffTable;
  kindergarten_arrivals: KindergartenArrivalTable;
  kindergarten_pickups: KindergartenPickupTable;
  pickup_refusals: PickupRefusalTable;
  health_checks: HealthCheckTable;
  medications: MedicationTable;
  medication_doses: MedicationDoseTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  audit_anchor: AuditAnchorTable;
  rooms: RoomTable;
  devices: DeviceTable;
  room_timetable: RoomTimetableTable;
  room_alerts: RoomAlertTable;
  uploads: UploadTable;
  recordings: RecordingTable;
  jobs: JobTable;
  school_terms: SchoolTermTable;
  calendar_overrides: CalendarOverrideTable;
  public_days: PublicDayTable;
  quota_rules: QuotaRuleTable;
  compliance_tracking: ComplianceTrackingTable;
  compliance_days: ComplianceDayTable;
  compliance_county_days: ComplianceCountyDayTable;
  rollout_batches: RolloutBatchTable;
  rollout_batch_targets: RolloutBatchTargetTable;
  rollout_deadlines: RolloutDeadlineTable;
  rollout_schools: RolloutSchoolTable;
  rollout_milestones: RolloutMilestoneTable;
  report_settings: ReportSettingsTable;
  reports: ReportTable;
  report_events: ReportEventTable;
  research_groups: ResearchGroupTable;
  research_group_members: ResearchGroupMemberTable;
  research_activities: ResearchActivityTable;
  research_activity_schools: ResearchActivitySchoolTable;
  research_activity_members: ResearchActivityMemberTable;
  research_activity_lessons: ResearchActivityLessonTable;
  research_activity_files: ResearchActivityFileTable;
  room_bookings: RoomBookingTable;
  lesson_comments: LessonCommentTable;
  lesson_comment_edits: LessonCommentEditTable;
  observation_rubrics: ObservationRubricTable;
  observation_scores: ObservationScoreTable;
  st_codings: StCodingTable;
  st_audio_drafts: StAudioDraftTable;
  patrols: PatrolTable;
  inspections: InspectionTable;
  inspection_follow_ups: InspectionFollowUpTable;
  notifications: NotificationTable;
  bulletins: BulletinTable;
  bulletin_subjects: BulletinSubjectTable;
  resources: ResourceTable;
  resource_files: ResourceFileTable;
  resource_reviews: ResourceReviewTable;
  resource_uses: ResourceUseTable;
  resource_favourites: ResourceFavouriteTable;
  resource_ratings: ResourceRatingTable;
  resource_comments: ResourceCommentTable;
  resource_search: ResourceSearchTable;
  student_consents: StudentConsentTable;
  student_consent_changes: StudentConsentChangeTable;
  resource_use_rollup_state: ResourceUseRollupStateTable;
  resource_use_school_months: ResourceUseSchoolMonthTable;
  resource_use_county_flows: ResourceUseCountyFlowTable;
  resource_use_featured: ResourceUseFeaturedTable;
  binding_codes: BindingCodeTable; binding_requests: BindingRequestTable; binding_failures: BindingFailureTable;
  family_conversations: FamilyConversationTable;
  family_messages: FamilyMessageTable;
  family_message_reads: FamilyMessageReadTable;
  family_message_reports: FamilyMessageReportTable;
  family_working_hours: FamilyWorkingHoursTable;
  notices: NoticeTable;
  notice_classes: NoticeClassTable;
  notice_deliveries: NoticeDeliveryTable;
  notice_delivery_children: NoticeDeliveryChildTable;
  notice_attachments: NoticeAttachmentTable;
  class_timetable: ClassTimetableTable;
  homework: HomeworkTable;
  safety_school_areas: SafetySchoolAreaTable; safety_checks: SafetyCheckTable; safety_hazards: SafetyHazardTable; safety_hazard_photos: SafetyHazardPhotoTable; safety_drills: SafetyDrillTable;
  live_kg_rooms: LiveKgRoomTable; live_kg_windows: LiveKgWindowTable; live_kg_views: LiveKgViewTable;
  live_classes: LiveClassTable; live_class_rooms: LiveClassRoomTable; live_sessions: LiveSessionTable; live_events: LiveEventTable; live_attendance: LiveAttendanceTable;
  platform_secrets: PlatformSecretTable; cluster_leases: ClusterLeaseTable;
  attendance_days: AttendanceDayTable; leave_requests: LeaveRequestTable; attendance_settings: AttendanceSettingsTable; attendance_alert_runs: AttendanceAlertRunTable; attendance_gates: AttendanceGateTable;
}
