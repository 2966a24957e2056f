import { Button, Card, Descriptions, Flex, Layout, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { LanguageToggle } from '../../../app/components/LanguageToggle';
import { formatInstant } from '../../../app/time';
import { getPublicResource } from '../api/resources.api';
import { FeatureTag, KindTag } from '../components/resource-tags';
import { CoursewarePanel } from '../components/CoursewareList';

/**
 * A resource published to the public, read without login (outside the signed-in layout): its
 * description, taxonomy and courseware. Lesson video is not played here: media tokens belong to
 * a session, so watching stays behind login.
 */
export default function PublicResourcePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi((signal) => getPublicResource(id, signal), [id]);

  let body;
  if (!Number.isInteger(id) || (error instanceof ApiError && error.status === 404)) {
    body = <Result status="404" title={t('resourcesLibrary.publicPage.notFound')} />;
  } else if (error && !data) {
    body = <ErrorAlert error={error} onRetry={reload} />;
  } else if (!data) {
    body = <FullPageSpin height={320} />;
  } else {
    const taxonomy = [t(`resourcesLibrary.stages.${data.stage}`), data.subject, data.grade, data.edition, data.volume, data.unit, data.lesson].filter(Boolean).join(' · ');
    body = (
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-resource-title">{data.title}</Typography.Title>
              <KindTag kind={data.kind} />
              <FeatureTag feature={data.feature} />
            </Flex>
            <Typography.Text type="secondary">{[data.teacherName, `${data.schoolName}（${data.countyName}）`].filter(Boolean).join(' · ')}</Typography.Text>
          </Flex>
        </Card>
        <Card variant="borderless" size="small">
          <Descriptions column={1} size="small" items={[
            { key: 'taxonomy', label: t('resourcesLibrary.detail.taxonomy'), children: taxonomy },
            { key: 'tags', label: t('resourcesLibrary.detail.tags'), children: data.tags.length ? data.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—' },
            ...(data.publishedAt ? [{ key: 'published', label: t('resourcesLibrary.detail.publishedAt'), children: formatInstant(data.publishedAt) }] : []),
          ]} />
        </Card>
        <Card variant="borderless" title={t('resourcesLibrary.detail.description')} size="small">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="public-resource-description">
            {data.description || t('resourcesLibrary.detail.noDescription')}
          </Typography.Paragraph>
        </Card>
        <CoursewarePanel resourceId={data.id} isPublic />
      </Flex>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: 'transparent', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <Typography.Text strong>{t('resourcesLibrary.publicPage.heading')}</Typography.Text>
        <Flex gap={8} align="center">
          <LanguageToggle />
          <Link to="/login"><Button size="small">{t('resourcesLibrary.publicPage.login')}</Button></Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '16px', maxWidth: 960, width: '100%', margin: '0 auto' }} data-testid="public-resource-page">
        {body}
      </Layout.Content>
    </Layout>
  );
}
