import { Card, Col, Empty, Flex, Input, Row, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FeaturedItem } from '@shared/resources-review-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePatchSearchParams } from '../../../app/search-params';
import { featuredCollection } from '../api/review.api';

/** 优课精品课: the featured collection the person reaches, by subject × grade, each card opening the resource. */
export default function FeaturedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const subject = params.get('subject') || undefined;
  const grade = params.get('grade') || undefined;
  const { data, error, loading, reload } = useApi((signal) => featuredCollection({ subject, grade }, signal), [subject, grade]);

  return (
    <>
      <PageHeader title={t('resourcesReview.featuredTitle')} note={data ? t('resourcesReview.featuredCount', { count: data.total }) : undefined} />
      <Typography.Paragraph type="secondary">{t('resourcesReview.featuredNote')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear defaultValue={subject} placeholder={t('resourcesReview.allSubjects')} aria-label={t('resourcesReview.subject')}
          onSearch={(v) => patch({ subject: v.trim() || undefined })} style={{ width: 180 }} data-testid="featured-subject" />
        <Input.Search allowClear defaultValue={grade} placeholder={t('resourcesReview.allGrades')} aria-label={t('resourcesReview.grade')}
          onSearch={(v) => patch({ grade: v.trim() || undefined })} style={{ width: 180 }} data-testid="featured-grade" />
      </Flex>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {!loading && data && !data.groups.length ? <Empty description={t('resourcesReview.featuredEmpty')} /> : null}
      {(data?.groups ?? []).map((g) => (
        <Card key={`${g.subject}-${g.grade}`} title={`${g.subject} · ${g.grade}`} variant="borderless" style={{ marginBottom: 12 }} loading={loading} data-testid="featured-group">
          <Row gutter={[12, 12]}>
            {g.items.map((i) => <Col key={i.id} xs={24} sm={12} md={8} lg={6}><FeaturedCard item={i} /></Col>)}
          </Row>
        </Card>
      ))}
    </>
  );
}

function FeaturedCard({ item }: { item: FeaturedItem }) {
  const { t } = useTranslation();
  return (
    <Link to={`/resources/${item.id}`} data-testid={`featured-${item.id}`}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="start" gap={6}>
          <Typography.Text strong ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
          <Tag color={item.feature === 'premium' ? 'gold' : 'green'} icon={item.feature === 'premium' ? <StarFilled /> : undefined}>
            {t(`resourcesReview.features.${item.feature}`)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary">{t(`resourcesReview.kinds.${item.kind}`)}{item.lesson ? ` · ${item.lesson}` : ''}</Typography.Text>
        <div><Typography.Text type="secondary">{item.schoolName}</Typography.Text></div>
      </Card>
    </Link>
  );
}
