import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  FileDoneOutlined,
  RocketOutlined,
  BankOutlined,
  BookOutlined,
  PieChartOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  CalendarOutlined,
  EyeOutlined,
  ExperimentOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  HomeOutlined,
  MessageOutlined,
  PlayCircleOutlined,
  SoundOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UploadOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { MeView } from '@shared/domain';
import { canAny, PAGE_ACCESS, type PageKey } from '../app/access';

export interface NavItem {
  key: PageKey;
  path: string;
  icon: ReactNode;
}

/** The side menu, in order. Labels are `nav.<key>`; who sees an item is PAGE_ACCESS[key]. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined /> },
  { key: 'org', path: '/org', icon: <ApartmentOutlined /> },
  { key: 'schools', path: '/schools', icon: <BankOutlined /> },
  { key: 'people', path: '/people', icon: <TeamOutlined /> },
  { key: 'imports', path: '/imports', icon: <CloudUploadOutlined /> },
  { key: 'rooms', path: '/rooms', icon: <VideoCameraOutlined /> },
  { key: 'recordings', path: '/recordings', icon: <PlayCircleOutlined /> },
  { key: 'upload', path: '/recordings/upload', icon: <UploadOutlined /> },
  { key: 'research', path: '/research', icon: <ExperimentOutlined /> },
  { key: 'patrol', path: '/patrol', icon: <EyeOutlined /> },
  { key: 'resources', path: '/resources', icon: <BookOutlined /> },
  { key: 'equity', path: '/equity', icon: <PieChartOutlined /> },
  { key: 'consent', path: '/consent', icon: <SafetyOutlined /> },
  { key: 'kindergarten', path: '/kindergarten', icon: <TeamOutlined /> },
  { key: 'familyClasses', path: '/family-classes', icon: <UsergroupAddOutlined /> },
  { key: 'messages', path: '/messages', icon: <MessageOutlined /> },
  { key: 'notices', path: '/notices', icon: <SoundOutlined /> },
  { key: 'homework', path: '/homework', icon: <ScheduleOutlined /> },
  { key: 'safety', path: '/safety', icon: <AlertOutlined /> },
  { key: 'attendance', path: '/attendance', icon: <ScheduleOutlined /> },
  { key: 'live', path: '/live', icon: <VideoCameraOutlined /> },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined /> },
  { key: 'rollout', path: '/rollout', icon: <RocketOutlined /> },
  { key: 'inspections', path: '/inspections', icon: <SafetyCertificateOutlined /> },
  { key: 'bulletins', path: '/bulletins', icon: <NotificationOutlined /> },
  { key: 'reports', path: '/reports', icon: <FileDoneOutlined /> },
  { key: 'audit', path: '/audit', icon: <AuditOutlined /> },
];

/** The menu items this person may use; a person never sees an item that would show 403. */
export function visibleNavItems(me: MeView): NavItem[] {
  return NAV_ITEMS.filter((item) => canAny(me, PAGE_ACCESS[item.key]));
}

/** The menu item a path belongs to (`/schools/12` → schools), the longest match first (`/recordings/upload`). */
export function navItemFor(pathname: string): NavItem | undefined {
  if (pathname === '/') return NAV_ITEMS[0];
  const matches = NAV_ITEMS.filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}
