import { lazy } from 'react';
import type { FamilyPage } from '../../family-pages';

/** 消息 (家校沟通): the conversations list as a tab, and one conversation. */
export const messagesPages: FamilyPage[] = [
  { path: 'messages', element: lazy(() => import('./ConversationsPage')), tab: { key: 'messages', titleKey: 'messages.tab', order: 30 } },
  { path: 'messages/:id', element: lazy(() => import('./ConversationPage')) },
];
