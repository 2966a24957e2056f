import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin';
import { RequireAuth, RequirePage } from './guards';
import { lazyPage } from './lazy-page';

// Every page is its own chunk: the login page loads only what it needs, and the signed-in
// layout and pages follow after login.
const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage'));
const AppLayout = lazyPage(() => import('../layouts/AppLayout'));
const HomePage = lazyPage(() => import('../features/home/pages/HomePage'));
const DashboardRoutes = lazyPage(() => import('../features/dashboards/pages/DashboardRoutes'));
const OrgPage = lazyPage(() => import('../features/org/pages/OrgPage'));
const SchoolsPage = lazyPage(() => import('../features/schools/pages/SchoolsPage'));
const SchoolDetailPage = lazyPage(() => import('../features/schools/pages/SchoolDetailPage'));
const PeoplePage = lazyPage(() => import('../features/people/pages/PeoplePage'));
const ImportPage = lazyPage(() => import('../features/imports/pages/ImportPage'));
const AuditPage = lazyPage(() => import('../features/audit/pages/AuditPage'));
const RoomsPage = lazyPage(() => import('../features/rooms/pages/RoomsPage'));
const RoomsOverviewPage = lazyPage(() => import('../features/rooms/pages/RoomsOverviewPage'));
const RoomDetailPage = lazyPage(() => import('../features/rooms/pages/RoomDetailPage'));
const RecordingsPage = lazyPage(() => import('../features/recordings/pages/RecordingsPage'));
const UploadPage = lazyPage(() => import('../features/recordings/pages/UploadPage'));
const PlayerPage = lazyPage(() => import('../features/recordings/pages/PlayerPage'));
const InspectionsPage = lazyPage(() => import('../features/inspections/pages/InspectionsPage'));
const FollowUpsPage = lazyPage(() => import('../features/inspections/pages/FollowUpsPage'));
const InspectionDetailPage = lazyPage(() => import('../features/inspections/pages/InspectionDetailPage'));
const BulletinsPage = lazyPage(() => import('../features/bulletins/pages/BulletinsPage'));
const BulletinDetailPage = lazyPage(() => import('../features/bulletins/pages/BulletinDetailPage'));
const NotificationsPage = lazyPage(() => import('../features/notifications/pages/NotificationsPage'));
const ReportsPage = lazyPage(() => import('../features/reports/pages/ReportsPage'));
const ReportDetailPage = lazyPage(() => import('../features/reports/pages/ReportDetailPage'));
const RolloutProgressPage = lazyPage(() => import('../features/rollout/pages/RolloutProgressPage'));
const RolloutSchoolsPage = lazyPage(() => import('../features/rollout/pages/RolloutSchoolsPage'));
const RolloutOverduePage = lazyPage(() => import('../features/rollout/pages/RolloutOverduePage'));
const RolloutSchoolPage = lazyPage(() => import('../features/rollout/pages/RolloutSchoolPage'));
const RolloutBatchesPage = lazyPage(() => import('../features/rollout/pages/RolloutBatchesPage'));
const CalendarPage = lazyPage(() => import('../features/calendar/pages/CalendarPage'));
const StComparePage = lazyPage(() => import('../features/research/pages/StComparePage'));
const ResearchAnalysisPage = lazyPage(() => import('../features/research/pages/ResearchAnalysisPage'));
const PatrolWallPage = lazyPage(() => import('../features/patrol/pages/PatrolWallPage'));
const PatrolLessonPage = lazyPage(() => import('../features/patrol/pages/PatrolLessonPage'));
const PatrolStatsPage = lazyPage(() => import('../features/patrol/pages/PatrolStatsPage'));
// Online teaching research (教研): activities, their lessons, groups.
const ResearchHomePage = lazyPage(() => import('../features/research/pages/ResearchHomePage'));
const ActivityFormPage = lazyPage(() => import('../features/research/pages/ActivityFormPage'));
const ActivityDetailPage = lazyPage(() => import('../features/research/pages/ActivityDetailPage'));
const ResearchLessonPage = lazyPage(() => import('../features/research/pages/ResearchLessonPage'));
const GroupsPage = lazyPage(() => import('../features/research/pages/GroupsPage'));
const GroupPage = lazyPage(() => import('../features/research/pages/GroupPage'));
const RubricsPage = lazyPage(() => import('../features/research/pages/RubricsPage'));
const RubricResultsPage = lazyPage(() => import('../features/research/pages/RubricResultsPage'));
// Shared quality resources: what I use (favourites, lesson preparations).
const MyResourcesPage = lazyPage(() => import('../features/resources/pages/MyResourcesPage'));
// Guardians' consent for children appearing in published video (资源: 出镜授权).
const ConsentPage = lazyPage(() => import('../features/consent/pages/ConsentPage'));
// The kindergarten's day for its class staff (幼儿园一日: 入园, 晨检, 接送, 喂药).
const KindergartenPage = lazyPage(() => import('../features/kindergarten/pages/KindergartenPage'));
// 班级家校: parents' binding requests, invitation codes and class staff (issue 11).
const FamilyClassesPage = lazyPage(() => import('../features/family-classes/pages/FamilyClassesPage'));
// 家校沟通: teachers' conversations with guardians, working hours, the principal's reports.
const MessagesPage = lazyPage(() => import('../features/messages/pages/MessagesPage'));
// Family notices (家校通知): compose, sent, receipts with the emergency live view; a notice received by staff.
const NoticesPage = lazyPage(() => import('../features/notices/pages/NoticesPage'));
const NoticeReceiptsPage = lazyPage(() => import('../features/notices/pages/NoticeReceiptsPage'));
const ReceivedNoticePage = lazyPage(() => import('../features/notices/pages/ReceivedNoticePage'));
// Homework against the national limits and class timetables (作业与课程表).
const HomeworkPage = lazyPage(() => import('../features/homework/pages/HomeworkPage'));
// 平安校园: patrols, hazards, drills and the bureaus' figures.
const SafetyPage = lazyPage(() => import('../features/safety/pages/SafetyPage'));
const HazardPage = lazyPage(() => import('../features/safety/pages/HazardPage'));
const LivePage = lazyPage(() => import('../features/live/pages/LivePage'));
const LiveSessionPage = lazyPage(() => import('../features/live/pages/LiveSessionPage'));
const AttendancePage = lazyPage(() => import('../features/attendance/pages/AttendancePage'));
// Shared resources: the review queue and the featured collection (优课 / 精品课).
const ReviewQueuePage = lazyPage(() => import('../features/resources/pages/ReviewQueuePage'));
const FeaturedPage = lazyPage(() => import('../features/resources/pages/FeaturedPage'));
// Shared quality resources (优质资源库): the library, a resource, publishing; the public page without login.
const LibraryPage = lazyPage(() => import('../features/resources/pages/LibraryPage'));
const ResourceDetailPage = lazyPage(() => import('../features/resources/pages/ResourceDetailPage'));
const PublishPage = lazyPage(() => import('../features/resources/pages/PublishPage'));
const PublicResourcePage = lazyPage(() => import('../features/resources/pages/PublicResourcePage'));
const EquityPage = lazyPage(() => import('../features/equity/pages/EquityPage'));
// Shared quality resources (优质资源): search.
const ResourceSearchPage = lazyPage(() => import('../features/resources/pages/SearchPage'));
const ForbiddenPage = lazyPage(() => import('./status/ForbiddenPage'));
const NotFoundPage = lazyPage(() => import('./status/NotFoundPage'));

/** The app's routes; pages render inside AppLayout's Suspense. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        path="/public/resources/:id"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicResourcePage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              <AppLayout />
            </Suspense>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="dashboard/*" element={<RequirePage page="dashboard"><DashboardRoutes /></RequirePage>} />
        <Route path="org" element={<RequirePage page="org"><OrgPage /></RequirePage>} />
        <Route path="schools" element={<RequirePage page="schools"><SchoolsPage /></RequirePage>} />
        <Route path="schools/:id" element={<RequirePage page="schools"><SchoolDetailPage /></RequirePage>} />
        <Route path="people" element={<RequirePage page="people"><PeoplePage /></RequirePage>} />
        <Route path="imports" element={<RequirePage page="imports"><ImportPage /></RequirePage>} />
        <Route path="rooms" element={<RequirePage page="rooms"><RoomsPage /></RequirePage>} />
        <Route path="rooms/overview" element={<RequirePage page="rooms"><RoomsOverviewPage /></RequirePage>} />
        <Route path="rooms/:id" element={<RequirePage page="rooms"><RoomDetailPage /></RequirePage>} />
        <Route path="recordings" element={<RequirePage page="recordings"><RecordingsPage /></RequirePage>} />
        <Route path="recordings/upload" element={<RequirePage page="upload"><UploadPage /></RequirePage>} />
        <Route path="recordings/:id" element={<RequirePage page="recordings"><PlayerPage /></RequirePage>} />
        <Route path="inspections" element={<RequirePage page="inspections"><InspectionsPage /></RequirePage>} />
        <Route path="inspections/follow-ups" element={<RequirePage page="inspections"><FollowUpsPage /></RequirePage>} />
        <Route path="inspections/:id" element={<RequirePage page="inspections"><InspectionDetailPage /></RequirePage>} />
        <Route path="bulletins" element={<RequirePage page="bulletins"><BulletinsPage /></RequirePage>} />
        <Route path="bulletins/:id" element={<RequirePage page="bulletins"><BulletinDetailPage /></RequirePage>} />
        <Route path="notifications" element={<RequirePage page="notifications"><NotificationsPage /></RequirePage>} />
        <Route path="reports" element={<RequirePage page="reports"><ReportsPage /></RequirePage>} />
        <Route path="reports/:id" element={<RequirePage page="reports"><ReportDetailPage /></RequirePage>} />
        <Route path="rollout" element={<RequirePage page="rollout"><RolloutProgressPage /></RequirePage>} />
        <Route path="rollout/schools" element={<RequirePage page="rollout"><RolloutSchoolsPage /></RequirePage>} />
        <Route path="rollout/schools/:id" element={<RequirePage page="rollout"><RolloutSchoolPage /></RequirePage>} />
        <Route path="rollout/overdue" element={<RequirePage page="rollout"><RolloutOverduePage /></RequirePage>} />
        <Route path="rollout/batches" element={<RequirePage page="rollout"><RolloutBatchesPage /></RequirePage>} />
        <Route path="audit" element={<RequirePage page="audit"><AuditPage /></RequirePage>} />
        <Route path="calendar" element={<RequirePage page="calendar"><CalendarPage /></RequirePage>} />
        <Route path="research/activities/:id/compare" element={<RequirePage page="research"><StComparePage /></RequirePage>} />
        <Route path="research/analysis" element={<RequirePage page="research"><ResearchAnalysisPage /></RequirePage>} />
        <Route path="patrol" element={<RequirePage page="patrol"><PatrolWallPage /></RequirePage>} />
        <Route path="patrol/stats" element={<RequirePage page="patrol"><PatrolStatsPage /></RequirePage>} />
        <Route path="patrol/lessons/:id" element={<RequirePage page="patrol"><PatrolLessonPage /></RequirePage>} />
        <Route path="resources/review" element={<RequirePage page="resources"><ReviewQueuePage /></RequirePage>} />
        <Route path="resources/featured" element={<RequirePage page="resources"><FeaturedPage /></RequirePage>} />
        <Route path="research" element={<RequirePage page="research"><ResearchHomePage /></RequirePage>} />
        <Route path="research/activities/new" element={<RequirePage page="research"><ActivityFormPage /></RequirePage>} />
        <Route path="research/activities/:id" element={<RequirePage page="research"><ActivityDetailPage /></RequirePage>} />
        <Route path="research/activities/:id/edit" element={<RequirePage page="research"><ActivityFormPage /></RequirePage>} />
        <Route path="research/activities/:id/lessons/:recordingId" element={<RequirePage page="research"><ResearchLessonPage /></RequirePage>} />
        <Route path="research/groups" element={<RequirePage page="research"><GroupsPage /></RequirePage>} />
        <Route path="research/groups/:id" element={<RequirePage page="research"><GroupPage /></RequirePage>} />
        <Route path="research/rubrics" element={<RequirePage page="research"><RubricsPage /></RequirePage>} />
        <Route path="research/activities/:id/rubric-results" element={<RequirePage page="research"><RubricResultsPage /></RequirePage>} />
        <Route path="resources/mine" element={<RequirePage page="resources"><MyResourcesPage /></RequirePage>} />
        <Route path="consent" element={<RequirePage page="consent"><ConsentPage /></RequirePage>} />
        <Route path="kindergarten" element={<RequirePage page="kindergarten"><KindergartenPage /></RequirePage>} />
        <Route path="family-classes" element={<RequirePage page="familyClasses"><FamilyClassesPage /></RequirePage>} />
        <Route path="messages" element={<RequirePage page="messages"><MessagesPage /></RequirePage>} />
        <Route path="notices" element={<RequirePage page="notices"><NoticesPage /></RequirePage>} />
        <Route path="notices/:id" element={<RequirePage page="notices"><NoticeReceiptsPage /></RequirePage>} />
        <Route path="notices/received/:id" element={<ReceivedNoticePage />} />
        <Route path="homework" element={<RequirePage page="homework"><HomeworkPage /></RequirePage>} />
        <Route path="safety" element={<RequirePage page="safety"><SafetyPage /></RequirePage>} />
        <Route path="safety/hazards/:id" element={<RequirePage page="safety"><HazardPage /></RequirePage>} />
        <Route path="attendance" element={<RequirePage page="attendance"><AttendancePage /></RequirePage>} />
        <Route path="live" element={<RequirePage page="live"><LivePage /></RequirePage>} />
        <Route path="live/sessions/:id" element={<RequirePage page="live"><LiveSessionPage /></RequirePage>} />
        <Route path="resources" element={<RequirePage page="resources"><LibraryPage /></RequirePage>} />
        <Route path="resources/publish" element={<RequirePage page="resources"><PublishPage /></RequirePage>} />
        <Route path="resources/:id" element={<RequirePage page="resources"><ResourceDetailPage /></RequirePage>} />
        <Route path="resources/:id/edit" element={<RequirePage page="resources"><PublishPage /></RequirePage>} />
        <Route path="equity" element={<RequirePage page="equity"><EquityPage /></RequirePage>} />
        <Route path="resources/search" element={<RequirePage page="resources"><ResourceSearchPage /></RequirePage>} />
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
