import { useState } from 'react';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { CheckCircleFilled, PlayCircleOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PatrolLessonState, PatrolWallLesson } from '@shared/patrol-api-types';
import { formatInstant } from '../../../app/time';

const STATE_COLORS: Record<PatrolLessonState, string> = { ready: 'success', processing: 'processing', failed: 'error', no_video: 'default' };

/** The poster frame, or a plain panel while there is none (or it fails to load). */
function Poster({ src }: { src: string | null }) {
  const [broken, setBroken] = useState(false);
  const style = { width: '100%', aspectRatio: '16 / 9', background: '#1f2a3d' };
  if (!src || broken) {
    // Wrapped: the card's cover makes its direct child a block, which would undo the centring.
    return (
      <div>
        <Flex align="center" justify="center" style={{ ...style, color: 'rgba(255,255,255,0.55)', fontSize: 32 }}>
          <VideoCameraOutlined />
        </Flex>
      </div>
    );
  }
  return <img src={src} alt="" loading="lazy" style={{ ...style, objectFit: 'cover', display: 'block' }} onError={() => setBroken(true)} />;
}

/** One lesson on today's wall: poster, school, teacher, subject, time, its state and the patrols made. */
export function LessonCard({ lesson, onOpen }: { lesson: PatrolWallLesson; onOpen: () => void }) {
  const { t } = useTranslation();
  const ready = lesson.state === 'ready';
  const when = `${formatInstant(lesson.lessonStart, 'HH:mm')}${lesson.lessonEnd ? `–${formatInstant(lesson.lessonEnd, 'HH:mm')}` : ''}`;
  return (
    <Card
      hoverable={ready}
      size="small"
      cover={<Poster src={lesson.poster} />}
      onClick={ready ? onOpen : undefined}
      style={{ cursor: ready ? 'pointer' : 'default', height: '100%' }}
      data-testid="patrol-card"
      data-recording-id={lesson.recordingId}
      data-state={lesson.state}
      data-patrolled={lesson.mine ? 'yes' : 'no'}
    >
      <Flex vertical gap={4}>
        <Typography.Text strong ellipsis={{ tooltip: lesson.title }}>{lesson.title}</Typography.Text>
        <Typography.Text type="secondary" ellipsis>{lesson.schoolName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[when, lesson.subject, lesson.grade, lesson.teacherName || t('patrol.teacherUnknown')].filter(Boolean).join(' · ')}
        </Typography.Text>
        <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
          {lesson.state === 'processing' ? (
            <Progress percent={lesson.progress} size="small" status="active" style={{ width: 120, margin: 0 }} />
          ) : (
            <Tag color={STATE_COLORS[lesson.state]}>{t(`patrol.states.${lesson.state}`)}</Tag>
          )}
          {lesson.mine ? (
            <Tag color="blue" icon={<CheckCircleFilled />} data-testid="patrol-mine">{t('patrol.patrolled', { score: lesson.mine.score })}</Tag>
          ) : null}
          {lesson.patrols > 0 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('patrol.patrolCount', { count: lesson.patrols })}</Typography.Text> : null}
          {ready && !lesson.mine ? (
            <Typography.Link style={{ marginLeft: 'auto' }}><PlayCircleOutlined /> {t('patrol.open')}</Typography.Link>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
