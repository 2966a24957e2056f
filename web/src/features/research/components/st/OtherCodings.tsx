import { Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StLessonCodings } from '@shared/research-st-types';
import { CodeStrip } from './CodeStrip';
import { fixed2, LessonTypeTag } from './StFigures';

/**
 * Every observer's coding of the lesson (the viewer's own marked), each as a strip with its Rt,
 * Ch and type, and the agreement of each pair (Cohen's κ over the samples both coded).
 */
export function OtherCodings({ data }: { data: StLessonCodings }) {
  const { t } = useTranslation();
  if (data.codings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('researchSt.noCodings')} />;
  const nameOf = (id: number) => {
    const c = data.codings.find((x) => x.id === id);
    return c ? `${c.coderName}${c.mine ? t('researchSt.me') : ''}` : '';
  };
  return (
    <Flex vertical gap={12} data-testid="st-codings">
      {data.codings.map((c) => (
        <Flex key={c.id} vertical gap={4} data-coder={c.coderName}>
          <Flex gap={12} wrap align="center">
            <Typography.Text strong>{c.coderName}{c.mine ? t('researchSt.me') : ''}</Typography.Text>
            <Typography.Text type="secondary">Rt {fixed2(c.figures.rt)} · Ch {fixed2(c.figures.ch)}</Typography.Text>
            <LessonTypeTag type={c.figures.type} />
            <Typography.Text type="secondary">{t('researchSt.seconds', { value: c.intervalSeconds })}</Typography.Text>
          </Flex>
          <CodeStrip codes={c.codes} intervalSeconds={c.intervalSeconds} />
        </Flex>
      ))}
      {data.agreements.length ? (
        <Table
          size="small"
          rowKey={(r) => `${r.aCodingId}-${r.bCodingId}`}
          pagination={false}
          data-testid="st-agreements"
          title={() => t('researchSt.agreement')}
          dataSource={data.agreements}
          columns={[
            { key: 'pair', title: t('researchSt.pair'), render: (_, r) => `${nameOf(r.aCodingId)} ↔ ${nameOf(r.bCodingId)}` },
            { key: 'kappa', title: t('researchSt.kappa'), render: (_, r) => (r.kappa === null ? t('researchSt.kappaNone') : r.kappa.toFixed(2)) },
            { key: 'observed', title: t('researchSt.observed'), render: (_, r) => (r.observed === null ? '—' : `${Math.round(r.observed * 100)}%`) },
            { key: 'items', title: t('researchSt.items'), dataIndex: 'items' },
          ]}
        />
      ) : null}
    </Flex>
  );
}
