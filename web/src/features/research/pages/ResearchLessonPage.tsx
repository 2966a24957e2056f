import { useCallback, useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Col, Empty, Flex, List, Result, Row, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Track } from '@shared/api-types';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { type LessonPlayerHandle, LessonPlayer, type PlayerMarker } from '../../recordings/components/LessonPlayer';
import { formatDuration } from '../../recordings/components/RecordingState';
import { downloadActivityFile, getLessonBrief } from '../api/activities.api';
import { ActivityKindTag, ActivityStatusTag } from '../components/activity-tags';
import { LESSON_TOOLS, type LessonToolContext } from '../lesson-tools';

/**
 * The research lesson page: a lesson of an activity in the multi-track player, with the research
 * tools other areas register in LESSON_TOOLS (comments at a time, rubric scoring, S-T coding) as
 * tabs beside it, each given the lesson, the activity and the player's handle on the lesson clock.
 */
export default function ResearchLessonPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const recordingId = Number(useParams().recordingId);
  const { data, error, reload } = useApi((signal) => getLessonBrief(id, recordingId, signal), [id, recordingId]);
  const [player, setPlayer] = useState<LessonPlayerHandle | null>(null);
  const onHandle = useCallback((handle: LessonPlayerHandle | null) => setPlayer(handle), []);
  // Each tool's markers on the seek bar (comments at their moments), kept per tool.
  const [markerSets, setMarkerSets] = useState<Record<string, readonly PlayerMarker[]>>({});
  const showMarkers = useCallback((key: string, list: readonly PlayerMarker[]) => setMarkerSets((before) => ({ ...before, [key]: list })), []);
  const markers = useMemo(() => Object.values(markerSets).flat(), [markerSets]);

  const ctx = useMemo<LessonToolContext | null>(() => data ? {
    activity: {
      id: data.activity.id, status: data.activity.status, rubricId: data.activity.rubricId,
      stIntervalSeconds: data.activity.stIntervalSeconds, organises: data.activity.organises,
    },
    recordingId: data.lesson.recordingId,
    lesson: {
      schoolId: data.lesson.schoolId, groupId: data.groupId, teacherUserId: data.lesson.teacherUserId,
      title: data.lesson.title, durationSeconds: data.lesson.durationSeconds,
    },
    player,
    showMarkers,
  } : null, [data, player, showMarkers]);

  if (!Number.isInteger(id) || !Number.isInteger(recordingId) || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')}
        extra={<Link to={Number.isInteger(id) ? `/research/activities/${id}` : '/research'}><Button type="primary">{t('common.back')}</Button></Link>} />
    );
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data || !ctx) return <FullPageSpin height={320} />;
  const { activity, lesson } = data;
  const tools = LESSON_TOOLS.filter((tool) => !tool.inActivityOnly || ctx.activity !== null);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[
        { title: <Link to="/research">{t('researchActivities.title')}</Link> },
        { title: <Link to={`/research/activities/${activity.id}?tab=lessons`}>{activity.topic}</Link> },
        { title: lesson.title },
      ]} />
      <Card variant="borderless" styles={{ body: { paddingBottom: 12 } }}>
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="lesson-title">{lesson.title}</Typography.Title>
            <ActivityKindTag kind={activity.kind} />
            <ActivityStatusTag status={activity.status} />
          </Flex>
          <Typography.Text type="secondary">
            {[lesson.teacherName, `${lesson.schoolName}（${lesson.countyName}）`, lesson.subject, lesson.grade, formatInstant(lesson.lessonStart), formatDuration(lesson.durationSeconds)]
              .filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={tools.length ? 15 : 24}>
          <Card variant="borderless">
            {lesson.status === 'ready' ? (
              <LessonPlayer recordingId={lesson.recordingId} track={data.track as Track} onHandle={onHandle} markers={markers} />
            ) : (
              <Empty description={t('researchActivities.lessonPage.notPlayable', { status: t(`researchActivities.lessons.statuses.${lesson.status}`) })} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={tools.length ? 9 : 24}>
          <Card variant="borderless" data-testid="lesson-tools">
            {tools.length ? (
              <Tabs items={tools.map((tool) => ({ key: tool.key, label: t(tool.titleKey as 'researchActivities.title'), children: <tool.Component ctx={ctx} /> }))} />
            ) : (
              <Empty description={t('researchActivities.lessonPage.noTools')} data-testid="no-lesson-tools" />
            )}
          </Card>
        </Col>
      </Row>
      {data.siblings.length || data.files.length ? (
        <Row gutter={[16, 16]}>
          {data.siblings.length ? (
            <Col xs={24} lg={12}>
              <Card variant="borderless" title={t('researchActivities.lessonPage.siblings')} size="small">
                <List
                  size="small"
                  dataSource={data.siblings}
                  renderItem={(s) => (
                    <List.Item>
                      <Link to={`/research/activities/${activity.id}/lessons/${s.recordingId}`}>{s.title}</Link>
                      <Typography.Text type="secondary">{s.teacherName} · {s.schoolName}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ) : null}
          {data.files.length ? (
            <Col xs={24} lg={12}>
              <Card variant="borderless" title={t('researchActivities.detail.tabs.files', { count: data.files.length })} size="small">
                <List
                  size="small"
                  dataSource={data.files}
                  renderItem={(f) => (
                    <List.Item>
                      <Typography.Link onClick={() => void downloadActivityFile(activity.id, f)}>{f.name}</Typography.Link>
                      <Tag>{t(`researchActivities.files.kinds.${f.kind}`)}</Tag>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ) : null}
        </Row>
      ) : null}
    </Flex>
  );
}
