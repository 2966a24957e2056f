import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { getRecommendations } from '../api/equity.api';

/** 为本校推荐的优课: featured lessons for the school's grades in subjects and grades it has not used yet (home page). */
export function RecommendationsCard({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => getRecommendations(schoolId, signal), [schoolId]);
  return (
    <Card variant="borderless" title={t('recommendations.title')} extra={<Typography.Text type="secondary">{t('recommendations.note')}</Typography.Text>}
      data-testid="recommendations-card">
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.empty')} /> }}
        renderItem={(item) => (
          <List.Item key={item.id} data-testid="recommendation">
            <List.Item.Meta
              title={<Link to={`/resources/${item.id}`}>{item.title}</Link>}
              description={`${item.subject} · ${item.grade} · ${t('recommendations.from', { county: item.countyName, school: item.schoolName })}`}
            />
            <Tag color={item.feature === 'premium' ? 'gold' : 'blue'}>{t(item.feature === 'premium' ? 'recommendations.premium' : 'recommendations.quality')}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
