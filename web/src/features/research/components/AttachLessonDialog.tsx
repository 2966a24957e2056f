import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Modal, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Recording } from '@shared/api-types';
import type { ActivityDetail } from '@shared/research-activities-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { formatInstant } from '../../../app/time';
import { listRecordings } from '../../recordings/api/recordings.api';
import { formatDuration, RecordingState } from '../../recordings/components/RecordingState';
import { attachLesson } from '../api/activities.api';

/** One row per lesson: a lesson's tracks are listed apart by recordings, its composite (or first) track stands for it. */
function lessonsOf(rows: Recording[]): Recording[] {
  const byGroup = new Map<string, Recording>();
  for (const r of rows) {
    const key = `${r.schoolId}:${r.groupId}`;
    const seen = byGroup.get(key);
    if (!seen || (r.track === 'composite' && seen.track !== 'composite')) byGroup.set(key, r);
  }
  return [...byGroup.values()];
}

/**
 * Picks a recorded lesson to attach: from the lessons the person may watch (their own by default
 * for a member, the participating schools' for the organiser), by school, days and subject.
 */
export function AttachLessonDialog({ activity, onClose, onAttached }: { activity: ActivityDetail; onClose: () => void; onAttached: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [mine, setMine] = useState(!activity.organises);
  const me = useMe();
  // One school at a time (the list pages through that school's lessons): the viewer's own in the activity, else the first.
  const ownSchool = activity.members.find((m) => m.userId === me.id)?.schoolId;
  const [schoolId, setSchoolId] = useState<number>(activity.schools.find((s) => s.id === ownSchool)?.id ?? activity.schools[0]!.id);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [subject, setSubject] = useState<string | undefined>(activity.subject || undefined);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number | null>(null);
  const attached = new Set(activity.lessons.map((l) => l.recordingId));
  const list = useApi((signal) => listRecordings({
    mine: mine || undefined, schoolId, subject, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD'), page, pageSize: 50,
  }, signal), [mine, schoolId, subject, range?.[0].valueOf(), range?.[1].valueOf(), page]);
  // A member attaches only lessons they taught (the server refuses the rest): lessons they only uploaded are left out.
  const rows = lessonsOf((list.data?.items ?? []).filter((r) => activity.organises || r.teacherUserId === me.id));

  async function attach(r: Recording) {
    setBusy(r.id);
    try {
      await attachLesson(activity.id, r.id);
      void message.success(t('researchActivities.attach.done', { title: r.title }));
      onAttached();
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal open title={t('researchActivities.attach.title')} onCancel={onClose} footer={null} width={920} destroyOnHidden>
      <Typography.Paragraph type="secondary">{activity.organises ? t('researchActivities.attach.helpOrganiser') : t('researchActivities.attach.helpMember')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder={t('researchActivities.attach.school')}
          aria-label={t('researchActivities.attach.school')}
          value={schoolId}
          onChange={(v) => { setSchoolId(v); setPage(1); }}
          options={activity.schools.map((s) => ({ value: s.id, label: s.name }))}
          style={{ minWidth: 200 }}
        />
        <PlatformDatePicker.RangePicker value={range} onChange={(v) => { setRange(v && v[0] && v[1] ? [v[0], v[1]] : null); setPage(1); }} />
        <Select
          allowClear
          placeholder={t('researchActivities.filters.subject')}
          value={subject}
          onChange={(v) => { setSubject(v); setPage(1); }}
          options={[...new Set([activity.subject, '语文', '数学', '英语'].filter(Boolean))].map((s) => ({ value: s, label: s }))}
          style={{ width: 120 }}
        />
        <Checkbox checked={mine} onChange={(e) => { setMine(e.target.checked); setPage(1); }} data-testid="attach-mine">{t('researchActivities.attach.mine')}</Checkbox>
      </Flex>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Recording>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        data-testid="attach-table"
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('researchActivities.attach.empty') }}
        columns={[
          { title: t('researchActivities.lessons.title'), dataIndex: 'title', ellipsis: true },
          { title: t('researchActivities.lessons.teacher'), dataIndex: 'teacherName', width: 90 },
          { title: t('researchActivities.lessons.school'), dataIndex: 'schoolName', width: 150, ellipsis: true },
          { title: t('researchActivities.lessons.when'), dataIndex: 'lessonStart', width: 140, render: (v: string) => formatInstant(v) },
          { title: t('researchActivities.lessons.duration'), dataIndex: 'durationSeconds', width: 80, render: (v: number | null) => formatDuration(v) },
          { title: t('researchActivities.lessons.status'), key: 'status', width: 150, render: (_, r) => <RecordingState recording={r} /> },
          {
            key: 'pick', width: 90,
            render: (_, r) => attached.has(r.id)
              ? <Typography.Text type="secondary">{t('researchActivities.attach.already')}</Typography.Text>
              : <Button size="small" type="primary" loading={busy === r.id} onClick={() => void attach(r)} data-testid={`attach-${r.id}`}>{t('researchActivities.attach.pick')}</Button>,
          },
        ]}
      />
    </Modal>
  );
}
