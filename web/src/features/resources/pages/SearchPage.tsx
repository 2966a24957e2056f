import { Card, Empty, Flex, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FEATURE_LEVELS, RESOURCE_KINDS, RESOURCE_SCOPES, STAGES } from '@shared/resources';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readEnum, readPaging, readString, usePatchSearchParams } from '../../../app/search-params';
import { searchResources } from '../api/search.api';
import { Highlighted } from '../components/Highlighted';
import { ResourceSearchBox } from '../components/ResourceSearchBox';

/** Subjects and grades as the library stores them (data, in Chinese like the resources themselves). */
const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '物理', '化学', '生物', '历史', '地理', '音乐', '美术', '体育', '信息技术'];
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '高一', '高二', '高三'];

/**
 * 资源搜索 (/resources/search): a Chinese query with taxonomy and scope filters, all in the URL;
 * results ranked by the server, titles and excerpts with the matched words marked, each linking
 * to its resource. Only what the person reaches is ever found (the server filters in the query).
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const q = readString(params, 'q');
  const filters = {
    stage: readEnum(params, 'stage', STAGES),
    subject: readString(params, 'subject'),
    grade: readString(params, 'grade'),
    kind: readEnum(params, 'kind', RESOURCE_KINDS),
    feature: readEnum(params, 'feature', FEATURE_LEVELS),
    scope: readEnum(params, 'scope', RESOURCE_SCOPES),
  };
  const { page, pageSize } = readPaging(params, 20);
  const asked = JSON.stringify({ q, filters, page, pageSize });
  const result = useApi(
    (signal) => (q ? searchResources({ q, ...filters, page, pageSize: Math.min(pageSize, 50) }, signal) : Promise.resolve(undefined)),
    [asked],
  );

  const select = <T extends string>(key: keyof typeof filters, values: readonly T[], label: (v: T) => string, width = 120) => (
    <Select<T>
      allowClear
      placeholder={t(`resourceSearch.filter.${key}`)}
      aria-label={t(`resourceSearch.filter.${key}`)}
      style={{ width }}
      value={(filters[key] as T | undefined) ?? undefined}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      onChange={(v) => patch({ [key]: v ?? undefined })}
    />
  );

  return (
    <>
      <PageHeader title={t('resourceSearch.title')} note={t('resourceSearch.note')} />
      <Card>
        <Flex vertical gap={12}>
          <ResourceSearchBox defaultValue={q} width="100%" onSearch={(value) => patch({ q: value })} />
          <Space wrap>
            {select('stage', STAGES, (v) => t(`resourceSearch.stage.${v}`))}
            {select('subject', SUBJECTS, (v) => v)}
            {select('grade', GRADES, (v) => v)}
            {select('kind', RESOURCE_KINDS, (v) => t(`resourceSearch.kind.${v}`))}
            {select('feature', FEATURE_LEVELS, (v) => t(`resourceSearch.feature.${v}`))}
            {select('scope', RESOURCE_SCOPES, (v) => t(`resourceSearch.scope.${v}`), 140)}
          </Space>
        </Flex>
      </Card>
      {result.error ? <ErrorAlert error={result.error} onRetry={result.reload} /> : null}
      {!q ? (
        <Empty style={{ marginTop: 32 }} description={t('resourceSearch.prompt')} />
      ) : (
        <List
          style={{ marginTop: 16 }}
          data-testid="search-results"
          loading={result.loading}
          header={result.data ? t(result.data.totalCapped ? 'resourceSearch.totalCapped' : 'resourceSearch.total', { total: result.data.total, query: result.data.query }) : null}
          locale={{ emptyText: <Empty description={t('resourceSearch.none')} /> }}
          dataSource={result.data?.hits ?? []}
          rowKey="id"
          pagination={result.data && result.data.total > pageSize ? {
            current: page, pageSize, total: Math.min(result.data.total, 100 * pageSize), showSizeChanger: false,
            onChange: (p) => patch({ page: p }),
          } : false}
          renderItem={(hit) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/resources/${hit.id}`}><Highlighted segments={hit.title} /></Link>
                    <Tag>{t(`resourceSearch.kind.${hit.kind}`, { defaultValue: hit.kind })}</Tag>
                    {hit.feature ? <Tag color="gold">{t(`resourceSearch.feature.${hit.feature}`, { defaultValue: hit.feature })}</Tag> : null}
                  </Space>
                }
                description={
                  <Flex vertical gap={4}>
                    <Typography.Text type="secondary">
                      {[t(`resourceSearch.stage.${hit.stage}`, { defaultValue: hit.stage }), hit.subject, hit.grade, hit.edition, hit.volume, hit.unit, hit.lesson].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    {hit.snippet ? (
                      <Typography.Paragraph style={{ margin: 0 }}>
                        {hit.snippetFrom === 'body' ? <Tag>{t('resourceSearch.fromBody')}</Tag> : null}
                        <Highlighted segments={hit.snippet} />
                      </Typography.Paragraph>
                    ) : null}
                    {hit.tags.length ? <Space size={4} wrap>{hit.tags.map((tag) => <Tag key={tag} bordered={false}>{tag}</Tag>)}</Space> : null}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
