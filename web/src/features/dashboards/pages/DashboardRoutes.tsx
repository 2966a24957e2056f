import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../../../app/auth';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { lazyPage } from '../../../app/lazy-page';
import { homeDashboard } from '../components/home-dashboard';
import { links } from '../components/links';

// One chunk per page: the compliance list loads no ECharts.
const CityDashboardPage = lazyPage(() => import('./CityDashboardPage'));
const CountyDashboardPage = lazyPage(() => import('./CountyDashboardPage'));
const SchoolDashboardPage = lazyPage(() => import('./SchoolDashboardPage'));
const BigScreenPage = lazyPage(() => import('./BigScreenPage'));
const ComplianceSchoolsPage = lazyPage(() => import('./ComplianceSchoolsPage'));
const NotFoundPage = lazyPage(() => import('../../../app/status/NotFoundPage'));

function DashboardHome() {
  const me = useMe();
  const { search } = useLocation();
  const home = homeDashboard(me);
  if (home.level === 'county') return <Navigate to={`${links.county(home.id)}${search}`} replace />;
  if (home.level === 'school') return <Navigate to={`${links.school(home.id)}${search}`} replace />;
  return <CityDashboardPage />;
}

/** /dashboard/…: the city, county and school dashboards, the 大屏, and the compliance list behind their figures. */
export default function DashboardRoutes() {
  return (
    <Suspense fallback={<FullPageSpin height="50vh" />}>
      <Routes>
        <Route index element={<DashboardHome />} />
        <Route path="counties/:id" element={<CountyDashboardPage />} />
        <Route path="schools/:id" element={<SchoolDashboardPage />} />
        <Route path="big-screen" element={<BigScreenPage />} />
        <Route path="compliance" element={<ComplianceSchoolsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
