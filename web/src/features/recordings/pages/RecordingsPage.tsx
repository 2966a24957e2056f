import { useEffect } from 'react';
import { Button, Card, Flex, Grid, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Recording, RecordingFilters } from '@shared/api-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readBool, readEnum, readInt, readString } from '../../../app/search-params';
import { listRecordings, RECORDING_STATUSES } from '../api/recordings.api';
import { CountsCell, formatDuration, RecordingState } from '../components/RecordingState';
import { ReuseFlag } from '../components/ReuseFlag';
import { RecordingFilterBar } from '../components/RecordingFilterBar';
import { formatInstant, formatShortDate } from '../../../app/time';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POLL_MS = 5_000;

function readFilters(params: URLSearchParams): RecordingFilters {
  const day = (key: string) => {
    const value = readString(params, key);
    return value && DAY.test(value) ? value : undefined;
  };
  return {
    countyId: readInt(params, 'countyId'),
    schoolId: readInt(params, 'schoolId'),
    from: day('from'),
    to: day('to'),
    subject: readString(params, 'subject'),
    counts: readBool(params, 'counts'),
    status: readEnum(params, 'status', RECORDING_STATUSES),
    mine: readBool(params, 'mine'),
  };
}

/** Recorded lessons in scope: filter by place, day, subject and counting; follow processing; play. */
export default function RecordingsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // On a phone: no fixed columns and no sideways scrolling; the lesson column carries time and place.
  const wide = Grid.useBreakpoint().md !== false;
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listRecordings });
  const active = (data?.items ?? []).some((item) => item.status === 'queued' || item.status === 'processing');

  // While a lesson on this page is being processed, follow its progress.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  return (
    <>
      <PageHeader
        title={filters.mine ? t('myRecordings.title') : t('recordings.title')}
        note={data ? t('recordings.total', { total: data.total }) : undefined}
        extra={
          can(me, 'recording:upload') ? (
            <Link to="/recordings/upload">
              <Button type="primary" icon={<UploadOutlined />}>{t('nav.upload')}</Button>
            </Link>
          ) : null
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <RecordingFilterBar filters={filters} onChange={patch} offerMine={can(me, 'recording:upload')} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<Recording>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          // Polling reloads quietly; a spinner every five seconds would only distract.
          loading={loading && !active}
          dataSource={data?.items ?? []}
          scroll={wide ? { x: 1040 } : undefined}
          onRow={(recording) => ({ onClick: () => navigate(`/recordings/${recording.id}`) })}
          pagination={pagination}
          locale={{ emptyText: t('recordings.empty') }}
          columns={[
            {
              title: t('recordings.lessonStart'),
              dataIndex: 'lessonStart',
              width: 130,
              fixed: wide ? 'left' : undefined,
              responsive: ['md'],
              render: (start: string, recording) => (
                <Flex vertical>
                  <span>{formatShortDate(start, true)}</span>
                  {recording.lessonEnd ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('recordings.until', { time: formatInstant(recording.lessonEnd, 'HH:mm') })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('recordings.lesson'),
              dataIndex: 'title',
              width: wide ? 220 : undefined,
              render: (title: string, recording) => (
                <Flex vertical style={{ minWidth: 0 }}>
                  <Link to={`/recordings/${recording.id}`} onClick={(event) => event.stopPropagation()}>{title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[recording.subject, recording.grade, recording.teacherName].filter(Boolean).join(' · ') || '—'}
                  </Typography.Text>
                  <ReuseFlag recording={recording} />
                  {wide ? null : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatShortDate(recording.lessonStart, true)} · {recording.schoolName} · {t(`tracks.${recording.track}`)}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('recordings.school'), dataIndex: 'schoolName', width: 140, ellipsis: true, responsive: ['md'] },
            { title: t('recordings.track'), dataIndex: 'track', width: 100, responsive: ['md'], render: (track: Recording['track']) => <Tag>{t(`tracks.${track}`)}</Tag> },
            { title: t('recordings.duration'), dataIndex: 'durationSeconds', width: 80, align: 'right', responsive: ['md'], render: formatDuration },
            {
              title: t('recordings.status'),
              key: 'status',
              width: wide ? 160 : 110,
              // On a phone the counting column is hidden; whether it counts shows here.
              render: (_, recording) =>
                wide ? (
                  <RecordingState recording={recording} />
                ) : (
                  <Flex vertical gap={4}>
                    <RecordingState recording={recording} />
                    <CountsCell recording={recording} />
                  </Flex>
                ),
            },
            { title: t('recordings.countsColumn'), key: 'counts', width: 200, responsive: ['sm'], render: (_, recording) => <CountsCell recording={recording} /> },
            {
              title: '',
              key: 'play',
              width: 56,
              fixed: 'right',
              responsive: ['md'],
              render: (_, recording) =>
                recording.status === 'ready' && recording.hasVideo ? (
                  <Link to={`/recordings/${recording.id}`} onClick={(event) => event.stopPropagation()} aria-label={t('player.play')}>
                    <PlayCircleOutlined style={{ fontSize: 20 }} />
                  </Link>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
