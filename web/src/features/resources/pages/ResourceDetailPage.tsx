import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Result, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Track } from '@shared/api-types';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { LessonPlayer } from '../../recordings/components/LessonPlayer';
import { getResource, withdrawResource } from '../api/resources.api';
import { FeatureTag, KindTag, ReviewStageTag, ScopeTag } from '../components/resource-tags';
import { ResourceEngagement } from '../components/ResourceEngagement';
import { ReviewPanel } from '../components/ReviewPanel';
import { CoursewarePanel } from '../components/CoursewareList';

/**
 * One resource: the lesson in the multi-track player (a lesson resource plays for everyone who
 * reaches the resource, in any county), its taxonomy, tags, description, scope and review stage.
 * Other areas' parts go in the marked places.
 */
export default function ResourceDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi((signal) => getResource(id, signal), [id]);

  if (!Number.isInteger(id) || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/resources"><Button type="primary">{t('resourcesLibrary.detail.back')}</Button></Link>} />
    );
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={320} />;

  async function onWithdraw() {
    try {
      await withdrawResource(id);
      void message.success(t('resourcesLibrary.detail.withdrawn'));
      reload();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const video = data.lessonVideo;
  const taxonomy = [t(`resourcesLibrary.stages.${data.stage}`), data.subject, data.grade, data.edition, data.volume, data.unit, data.lesson].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/resources">{t('resourcesLibrary.title')}</Link> }, { title: data.title }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="resource-title">{data.title}</Typography.Title>
              <KindTag kind={data.kind} />
              <ScopeTag scope={data.visibleScope} />
              <FeatureTag feature={data.feature} />
              <ReviewStageTag stage={data.reviewStage} />
            </Flex>
            <Typography.Text type="secondary">{[data.publisherName, `${data.schoolName}（${data.countyName}）`, taxonomy].filter(Boolean).join(' · ')}</Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            {data.visibleScope === 'public' ? <Link to={`/public/resources/${data.id}`}><Button>{t('resourcesLibrary.detail.publicLink')}</Button></Link> : null}
            {data.mayEdit ? (
              <Button onClick={() => navigate(`/resources/${data.id}/edit`)} data-testid="resource-edit">{t('resourcesLibrary.detail.edit')}</Button>
            ) : null}
            {data.mayWithdraw ? (
              <Popconfirm title={t('resourcesLibrary.detail.withdrawConfirm')} okButtonProps={{ danger: true }} onConfirm={onWithdraw}>
                <Button danger data-testid="resource-withdraw">{t('resourcesLibrary.detail.withdraw')}</Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={data.kind === 'lesson' ? 15 : 24}>
          {data.kind === 'lesson' ? (
            <Card variant="borderless" data-testid="resource-player">
              {video && video.status === 'ready' ? (
                <LessonPlayer recordingId={video.recordingId} track={video.track as Track} />
              ) : (
                <Empty description={video ? t('resourcesLibrary.detail.notReady') : t('resourcesLibrary.detail.noVideo')} />
              )}
            </Card>
          ) : null}
          <CoursewarePanel resourceId={data.id} />
        </Col>
        <Col xs={24} xl={data.kind === 'lesson' ? 9 : 24}>
          <Card variant="borderless" size="small" data-testid="resource-facts">
            <Descriptions column={1} size="small" items={[
              { key: 'taxonomy', label: t('resourcesLibrary.detail.taxonomy'), children: taxonomy },
              { key: 'tags', label: t('resourcesLibrary.detail.tags'), children: data.tags.length ? data.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—' },
              { key: 'scope', label: t('resourcesLibrary.detail.scope'), children: <ScopeTag scope={data.visibleScope} /> },
              { key: 'requested', label: t('resourcesLibrary.detail.requestedScope'), children: t(`resourcesLibrary.scopes.${data.requestedScope}`) },
              ...(data.consentCap ? [{ key: 'cap', label: t('resourcesLibrary.detail.consentCap'), children: t(`resourcesLibrary.scopes.${data.consentCap}`) }] : []),
              ...(data.className ? [{ key: 'class', label: t('resourcesLibrary.detail.className'), children: data.className }] : []),
              { key: 'stage', label: t('resourcesLibrary.detail.reviewStage'), children: <ReviewStageTag stage={data.reviewStage} /> },
              ...(data.publishedAt ? [{ key: 'published', label: t('resourcesLibrary.detail.publishedAt'), children: formatInstant(data.publishedAt) }] : []),
            ]} />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={t('resourcesLibrary.detail.description')} size="small">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="resource-description">
          {data.description || t('resourcesLibrary.detail.noDescription')}
        </Typography.Paragraph>
      </Card>
      <ResourceEngagement resourceId={data.id} />
      <ReviewPanel resourceId={data.id} title={data.title} onChanged={reload} />
    </Flex>
  );
}
