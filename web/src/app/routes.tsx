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
        element={
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              <AppLayout />
            </Suspense>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
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
        <Route path="audit" element={<RequirePage page="audit"><AuditPage /></RequirePage>} />
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
