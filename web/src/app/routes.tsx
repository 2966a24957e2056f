import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin';
import { RequireAuth, RequirePage } from './guards';

// Every page is its own chunk: the login page loads only what it needs, and the signed-in
// layout and pages follow after login.
const LoginPage = lazy(() => import('../features/auth/pages/LoginPage'));
const AppLayout = lazy(() => import('../layouts/AppLayout'));
const HomePage = lazy(() => import('../features/home/pages/HomePage'));
const OrgPage = lazy(() => import('../features/org/pages/OrgPage'));
const SchoolsPage = lazy(() => import('../features/schools/pages/SchoolsPage'));
const SchoolDetailPage = lazy(() => import('../features/schools/pages/SchoolDetailPage'));
const PeoplePage = lazy(() => import('../features/people/pages/PeoplePage'));
const ImportPage = lazy(() => import('../features/imports/pages/ImportPage'));
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage'));
const ForbiddenPage = lazy(() => import('./status/ForbiddenPage'));
const NotFoundPage = lazy(() => import('./status/NotFoundPage'));

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
        <Route path="audit" element={<RequirePage page="audit"><AuditPage /></RequirePage>} />
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
