import { Button, Popconfirm, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveClass } from '@shared/live-schedule-api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { cancelLiveClass, listLiveClasses } from '../api/live-schedule.api';
import { LiveClassForm } from './LiveClassForm';
import { whenText } from './live-texts';

/** 排课: the live classes in scope; writers schedule, change and cancel those of schools they reach. */
export function ClassesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<LiveClass | 'new' | null>(null);
  const classes = useApi((signal) => listLiveClasses({ page, pageSize: 20 }, signal), [page]);

  async function cancel(c: LiveClass) {
    try {
      await cancelLiveClass(c.id);
      void message.success(t('liveSchedule.cancelled'));
      classes.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  return (
    <>
      {can(me, 'live:write') ? <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>{t('liveSchedule.newClass')}</Button> : null}
      {classes.error ? <ErrorAlert error={classes.error} onRetry={classes.reload} /> : null}
      <Table<LiveClass>
        rowKey="id" size="small" loading={classes.loading} dataSource={classes.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: classes.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('liveSchedule.columns.title'), dataIndex: 'title' },
          { title: t('liveSchedule.columns.lead'), render: (_, c) => `${c.lead.schoolName}「${c.lead.roomName}」` },
          { title: t('liveSchedule.columns.teacher'), dataIndex: 'leadTeacherName' },
          { title: t('liveSchedule.columns.receiving'), render: (_, c) => c.receiving.map((r) => `${r.schoolName}「${r.roomName}」`).join('、') },
          { title: t('liveSchedule.columns.when'), render: (_, c) => whenText(t, c) },
          { title: t('liveSchedule.columns.status'), render: (_, c) => <Tag color={c.status === 'active' ? 'blue' : 'default'}>{t(`liveSchedule.classStatuses.${c.status}`)}</Tag> },
          {
            title: t('liveSchedule.columns.actions'),
            render: (_, c) => (c.canEdit ? (
              <Space>
                <Button size="small" onClick={() => setEditing(c)}>{t('common.edit')}</Button>
                <Popconfirm title={t('liveSchedule.cancelConfirm')} onConfirm={() => cancel(c)}>
                  <Button size="small" danger>{t('liveSchedule.cancelClass')}</Button>
                </Popconfirm>
              </Space>
            ) : null),
          },
        ]}
      />
      {editing ? (
        <LiveClassForm
          existing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); void message.success(t('liveSchedule.saved')); classes.reload(); }}
        />
      ) : null}
    </>
  );
}
