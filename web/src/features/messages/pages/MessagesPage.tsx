import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { ConversationsPanel } from '../components/ConversationsPanel';
import { ReportsCard } from '../components/ReportsCard';
import { WorkingHoursCard } from '../components/WorkingHoursCard';

/**
 * 家校沟通 (/messages) for the school: a teacher's conversations with their classes' guardians and
 * their working hours; a principal's reports of messages to handle (the principal reads no
 * conversation unless a message of it is reported).
 */
export default function MessagesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const teacher = me.assignments.some((a) => a.role === 'teacher');
  const principal = me.assignments.some((a) => a.role === 'principal');
  const items = [
    ...(teacher ? [{ key: 'conversations', label: t('messages.tabConversations'), children: <ConversationsPanel /> }] : []),
    ...(can(me, 'class:write') ? [{ key: 'hours', label: t('messages.tabHours'), children: <WorkingHoursCard /> }] : []),
    ...(principal ? [{ key: 'reports', label: t('messages.tabReports'), children: <ReportsCard /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('messages.title')} note={t('messages.note')} />
      <Tabs items={items} />
    </>
  );
}
