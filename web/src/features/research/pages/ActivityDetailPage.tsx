import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Form, Input, Popconfirm, Result, Table, Tabs, Tag, Typography } from 'antd';
import { CalendarOutlined, ColumnWidthOutlined, DeleteOutlined, EditOutlined, FileDoneOutlined, LinkOutlined, PlayCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ActivityDetail, ActivityLesson, ActivityMember } from '@shared/research-activities-types';
import type { RoomBooking } from '@shared/research-activities-types';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FormModal } from '../../../app/components/FormModal';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { formatDuration } from '../../recordings/components/RecordingState';
import { cancelBooking } from '../../rooms/api/bookings.api';
import { deleteActivity, detachLesson, getActivity, openActivity, summariseActivity } from '../api/activities.api';
import { ActivityKindTag, ActivityLevelText, ActivityStatusTag } from '../components/activity-tags';
import { AttachLessonDialog } from '../components/AttachLessonDialog';
import { BookRoomDialog } from '../components/BookRoomDialog';
import { FilesPanel } from '../components/FilesPanel';

const TABS = ['info', 'lessons', 'members', 'files', 'summary'] as const;
type TabKey = (typeof TABS)[number];

const LESSON_STATUS_COLORS: Record<ActivityLesson['status'], string> = { queued: 'default', processing: 'processing', ready: 'success', failed: 'error', gone: 'default' };

/** One research activity: its information, lessons, members, files and summary, with what the viewer may do. */
export default function ActivityDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'lessons';
  const { data, error, reload } = useApi((signal) => getActivity(id, signal), [id]);
  const [dialog, setDialog] = useState<'attach' | 'book' | 'summary' | null>(null);

  if (!Number.isInteger(id) || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/research"><Button type="primary">{t('common.back')}</Button></Link>} />
    );
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={320} />;
  const a = data;

  const act = (work: () => Promise<unknown>, done: string) => async () => {
    try {
      await work();
      void message.success(done);
      reload();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  };

  async function onDelete() {
    try {
      await deleteActivity(a.id);
      void message.success(t('researchActivities.detail.deleted'));
      navigate('/research', { replace: true });
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const actions = (
    <Flex gap={8} wrap>
      {a.mayEdit ? <Link to={`/research/activities/${a.id}/edit`}><Button icon={<EditOutlined />} data-testid="edit-activity">{t('researchActivities.edit')}</Button></Link> : null}
      {a.mayEdit && a.status === 'planned' ? (
        <Popconfirm title={t('researchActivities.detail.openConfirm')} onConfirm={act(() => openActivity(a.id), t('researchActivities.detail.opened'))}>
          <Button type="primary" icon={<UnlockOutlined />} data-testid="open-activity">{t('researchActivities.detail.open')}</Button>
        </Popconfirm>
      ) : null}
      {a.mayEdit && a.status === 'open' ? (
        <Button type="primary" onClick={() => setDialog('summary')} data-testid="summarise-activity">{t('researchActivities.detail.summarise')}</Button>
      ) : null}
      {a.organises ? (
        <Popconfirm title={t('researchActivities.detail.deleteConfirm')} description={t('researchActivities.detail.deleteHelp')} okButtonProps={{ danger: true }} onConfirm={onDelete}>
          <Button danger icon={<DeleteOutlined />}>{t('researchActivities.detail.delete')}</Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/research">{t('researchActivities.title')}</Link> }, { title: a.topic }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={6}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="activity-topic">{a.topic}</Typography.Title>
            <Flex gap={6} wrap align="center">
              <ActivityKindTag kind={a.kind} />
              <ActivityStatusTag status={a.status} />
              <Typography.Text type="secondary">
                <ActivityLevelText level={a.level} name={a.nodeName} /> · {a.organiserName} · {a.startsOn} ~ {a.endsOn}
              </Typography.Text>
            </Flex>
          </Flex>
          {actions}
        </Flex>
      </Card>
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { const next = new URLSearchParams(p); next.set('tab', key); return next; }, { replace: true })}
          items={[
            { key: 'info', label: t('researchActivities.detail.tabs.info'), children: <InfoTab activity={a} /> },
            {
              key: 'lessons', label: t('researchActivities.detail.tabs.lessons', { count: a.lessons.length }),
              children: <LessonsTab activity={a} onAttach={() => setDialog('attach')} onBook={() => setDialog('book')} reload={reload} />,
            },
            { key: 'members', label: t('researchActivities.detail.tabs.members', { count: a.members.length }), children: <MembersTab members={a.members} /> },
            {
              key: 'files', label: t('researchActivities.detail.tabs.files', { count: a.files.length }),
              children: <FilesPanel activityId={a.id} files={a.files} lessons={a.lessons} mayUpload={a.mayAttach} onChanged={reload} />,
            },
            { key: 'summary', label: t('researchActivities.detail.tabs.summary'), children: <SummaryTab activity={a} onWrite={() => setDialog('summary')} /> },
          ]}
        />
      </Card>
      {dialog === 'attach' ? <AttachLessonDialog activity={a} onClose={() => setDialog(null)} onAttached={() => { setDialog(null); reload(); }} /> : null}
      {dialog === 'book' ? <BookRoomDialog activity={a} onClose={() => setDialog(null)} onBooked={() => { setDialog(null); reload(); }} /> : null}
      {dialog === 'summary' ? (
        <FormModal<{ summary: string }>
          title={t('researchActivities.detail.summarise')}
          onClose={() => setDialog(null)}
          okText={t('researchActivities.detail.summariseSubmit')}
          onSubmit={async ({ summary }) => {
            await summariseActivity(a.id, summary.trim());
            setDialog(null);
            reload();
          }}
        >
          <Typography.Paragraph type="secondary">{t('researchActivities.detail.summaryHelp')}</Typography.Paragraph>
          <Form.Item name="summary" rules={[{ required: true, whitespace: true, message: t('researchActivities.detail.summaryRequired') }]}>
            <Input.TextArea rows={8} maxLength={20000} data-testid="summary-text" />
          </Form.Item>
        </FormModal>
      ) : null}
    </Flex>
  );
}

function InfoTab({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'kind', label: t('researchActivities.form.kind'), children: t(`researchActivities.kinds.${a.kind}`) },
        { key: 'subject', label: t('researchActivities.form.subject'), children: [a.subject, a.grade].filter(Boolean).join(' · ') },
        { key: 'node', label: t('researchActivities.detail.node'), children: <ActivityLevelText level={a.level} name={a.nodeName} /> },
        { key: 'organiser', label: t('researchActivities.columns.organiser'), children: a.organiserName },
        { key: 'group', label: t('researchActivities.detail.group'), children: a.groupId ? <Link to={`/research/groups/${a.groupId}`}>{a.groupName}</Link> : '—' },
        { key: 'dates', label: t('researchActivities.form.dates'), children: `${a.startsOn} ~ ${a.endsOn}` },
        { key: 'deadline', label: t('researchActivities.form.reviewDeadline'), children: a.reviewDeadline ? formatInstant(a.reviewDeadline) : t('researchActivities.detail.untilSummary') },
        { key: 'rubric', label: t('researchActivities.form.rubric'), children: a.rubricName ?? '—' },
        { key: 'st', label: t('researchActivities.form.stInterval'), children: `${a.stIntervalSeconds} ${t('researchActivities.form.seconds')}` },
        { key: 'schools', label: t('researchActivities.form.schools'), span: 'filled', children: a.schools.map((s) => `${s.name}（${s.countyName}）`).join('、') },
        { key: 'description', label: t('researchActivities.form.description'), span: 'filled', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.description || '—'}</Typography.Paragraph> },
      ]}
    />
  );
}

function LessonsTab({ activity: a, onAttach, onBook, reload }: { activity: ActivityDetail; onAttach: () => void; onBook: () => void; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const lessonUrl = (l: ActivityLesson) => `/research/activities/${a.id}/lessons/${l.recordingId}`;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        {a.mayAttach ? <Button type="primary" icon={<LinkOutlined />} onClick={onAttach} data-testid="attach-lesson">{t('researchActivities.attach.title')}</Button> : null}
        {a.mayEdit ? <Button icon={<CalendarOutlined />} onClick={onBook} data-testid="book-room">{t('researchActivities.booking.title')}</Button> : null}
        {a.lessons.length >= 2 ? (
          // 同课异构: the first two or three lessons side by side with their S-T curves.
          <Link to={`/research/activities/${a.id}/compare?lessons=${a.lessons.slice(0, 3).map((l) => l.recordingId).join(',')}`}>
            <Button icon={<ColumnWidthOutlined />} data-testid="compare-lessons">{t('researchActivities.lessons.compare')}</Button>
          </Link>
        ) : null}
        {a.lessons.length > 0 ? (
          // Every observer's scores, their agreement, and the 评课记录 export of the whole activity.
          <Link to={`/research/activities/${a.id}/rubric-results`}>
            <Button icon={<FileDoneOutlined />} data-testid="rubric-results">{t('researchActivities.lessons.results')}</Button>
          </Link>
        ) : null}
      </Flex>
      <Table<ActivityLesson>
        rowKey="id"
        size="middle"
        dataSource={a.lessons}
        pagination={false}
        locale={{ emptyText: <Empty description={t('researchActivities.lessons.empty')} /> }}
        data-testid="lessons-table"
        columns={[
          {
            title: t('researchActivities.lessons.title'), dataIndex: 'title',
            render: (title: string, l) => (
              <Link to={lessonUrl(l)} data-testid={`lesson-link-${l.recordingId}`}><PlayCircleOutlined /> {title}</Link>
            ),
          },
          { title: t('researchActivities.lessons.teacher'), dataIndex: 'teacherName', width: 100 },
          { title: t('researchActivities.lessons.school'), key: 'school', width: 200, render: (_, l) => `${l.schoolName}（${l.countyName}）` },
          { title: t('researchActivities.lessons.when'), dataIndex: 'lessonStart', width: 140, responsive: ['lg'], render: (v: string | null) => formatInstant(v) },
          { title: t('researchActivities.lessons.duration'), dataIndex: 'durationSeconds', width: 80, render: (v: number | null) => formatDuration(v) },
          {
            title: t('researchActivities.lessons.status'), dataIndex: 'status', width: 100,
            render: (s: ActivityLesson['status']) => <Tag color={LESSON_STATUS_COLORS[s]}>{t(`researchActivities.lessons.statuses.${s}`)}</Tag>,
          },
          {
            key: 'actions', width: 80,
            render: (_, l) => l.mayDetach ? (
              <Popconfirm title={t('researchActivities.lessons.detachConfirm')} onConfirm={() => detachLesson(a.id, l.recordingId).then(reload, (e: unknown) => { void message.error(errorText(e)); })}>
                <Button type="link" size="small" danger>{t('researchActivities.lessons.detach')}</Button>
              </Popconfirm>
            ) : null,
          },
        ]}
      />
      {a.bookings.length ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('researchActivities.booking.list')}</Typography.Text>
          <Table<RoomBooking>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.bookings}
            data-testid="bookings-table"
            columns={[
              { title: t('researchActivities.booking.startsAt'), key: 'when', render: (_, b) => `${formatInstant(b.startsAt)}–${formatInstant(b.endsAt, 'HH:mm')}` },
              { title: t('researchActivities.booking.room'), key: 'room', render: (_, b) => <Link to={`/rooms/${b.roomId}`}>{b.schoolName} · {b.roomName}</Link> },
              { title: t('researchActivities.booking.teacher'), dataIndex: 'teacherName' },
              {
                key: 'cancel', width: 90,
                render: (_, b) => a.mayEdit ? (
                  <Popconfirm title={t('researchActivities.booking.cancelConfirm')} onConfirm={() => cancelBooking(b.roomId, b.id).then(reload, (e: unknown) => { void message.error(errorText(e)); })}>
                    <Button type="link" size="small" danger>{t('researchActivities.booking.cancel')}</Button>
                  </Popconfirm>
                ) : null,
              },
            ]}
          />
        </Flex>
      ) : null}
    </Flex>
  );
}

function MembersTab({ members }: { members: ActivityMember[] }) {
  const { t } = useTranslation();
  return (
    <Table<ActivityMember>
      rowKey="userId"
      size="small"
      pagination={false}
      dataSource={members}
      data-testid="members-table"
      columns={[
        { title: t('researchActivities.members.name'), dataIndex: 'name' },
        { title: t('researchActivities.members.role'), dataIndex: 'role', render: (r: ActivityMember['role']) => <Tag>{t(`researchActivities.members.roles.${r}`)}</Tag> },
        { title: t('researchActivities.members.school'), dataIndex: 'schoolName', render: (v: string | null) => v ?? t('researchActivities.members.officer') },
      ]}
    />
  );
}

function SummaryTab({ activity: a, onWrite }: { activity: ActivityDetail; onWrite: () => void }) {
  const { t } = useTranslation();
  if (a.summary) {
    return (
      <Flex vertical gap={8} data-testid="activity-summary">
        <Typography.Text type="secondary">{t('researchActivities.detail.summarisedBy', { name: a.summarisedByName ?? '', at: formatInstant(a.summarisedAt) })}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>
      </Flex>
    );
  }
  return (
    <Empty description={a.status === 'open' ? t('researchActivities.detail.noSummaryYet') : t('researchActivities.detail.summaryAfterOpen')}>
      {a.mayEdit && a.status === 'open' ? <Button type="primary" onClick={onWrite}>{t('researchActivities.detail.summarise')}</Button> : null}
    </Empty>
  );
}
