import { Alert, Breadcrumb, Button, Card, Col, Empty, Flex, List, Result, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Patrol } from '@shared/patrol-api-types';
import { PATROL_ITEMS } from '@shared/patrol-form';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { LessonPlayer } from '../../recordings/components/LessonPlayer';
import { getPatrolLesson } from '../api/patrol.api';
import { PatrolForm } from '../components/PatrolForm';

const WHY_NOT = { no_right: 'noRight', not_today: 'notToday', not_ready: 'notReady' } as const;

/** One patrol as the others read it: who, when, the score per item and the note. */
function PatrolItem({ patrol }: { patrol: Patrol }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="patrol-record">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>{patrol.patrollerName}{patrol.mine ? <Tag style={{ marginLeft: 8 }}>{t('patrol.lesson.mine')}</Tag> : null}</Typography.Text>
          <Typography.Text>{t('patrol.lesson.scoreLine', { score: patrol.score })}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {PATROL_ITEMS.map((item) => `${t(`patrol.items.${item}`)} ${patrol.scores[item]}`).join(' · ')}
        </Typography.Text>
        {patrol.note ? <Typography.Paragraph style={{ margin: 0 }}>{patrol.note}</Typography.Paragraph> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatInstant(patrol.createdAt)}{patrol.updatedAt ? ` · ${t('patrol.lesson.updatedAt', { at: formatInstant(patrol.updatedAt, 'HH:mm') })}` : ''}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** A lesson of the wall: the player, and beside it the patrol form and the patrols made so far. */
export default function PatrolLessonPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi((signal) => getPatrolLesson(id, signal), [id]);

  if (!Number.isInteger(id) || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('status.notFoundTitle')}
        subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/patrol"><Button type="primary">{t('patrol.lesson.back')}</Button></Link>}
      />
    );
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={320} />;

  const { lesson } = data;
  const when = `${formatInstant(lesson.lessonStart)}${lesson.lessonEnd ? `–${formatInstant(lesson.lessonEnd, 'HH:mm')}` : ''}`;
  const others = data.patrols.filter((p) => !(p.mine && p.id === data.mine?.id));
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/patrol">{t('patrol.title')}</Link> }, { title: lesson.title }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card variant="borderless">
            <Flex vertical gap={4} style={{ marginBottom: 12 }}>
              <Typography.Title level={4} style={{ margin: 0 }}>{lesson.title}</Typography.Title>
              <Typography.Text type="secondary">
                {[lesson.schoolName, when, lesson.subject, lesson.grade, lesson.teacherName].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
            {lesson.state === 'ready' ? (
              <LessonPlayer recordingId={lesson.recordingId} track={lesson.track} />
            ) : (
              <Alert type="warning" showIcon message={t('patrol.lesson.notWatchable', { state: t(`patrol.states.${lesson.state}`) })} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('patrol.lesson.form')}>
              {data.canPatrol ? (
                <PatrolForm key={data.mine?.id ?? 'new'} recordingId={lesson.recordingId} mine={data.mine} onSaved={reload} />
              ) : (
                <Flex vertical gap={12}>
                  <Alert type="info" showIcon message={t(`patrol.lesson.readOnly.${WHY_NOT[data.whyNot ?? 'no_right']}`)} data-testid="patrol-read-only" />
                  {data.mine ? <List dataSource={[data.mine]} renderItem={(p) => <PatrolItem patrol={p} />} /> : null}
                </Flex>
              )}
            </Card>
            <Card variant="borderless" title={t('patrol.lesson.others')}>
              {others.length ? (
                <List dataSource={others} renderItem={(p) => <PatrolItem patrol={p} />} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('patrol.lesson.noOthers')} />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
