import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Rubric, RubricStatus, RubricSummary } from '@shared/research-rubrics-types';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatInstant } from '../../../app/time';
import { RUBRIC_STATUSES, getRubric, listRubrics } from '../api/rubrics.api';
import { RubricEditor } from '../components/RubricEditor';

const STATUS_COLOR: Record<RubricStatus, string> = { draft: 'blue', published: 'green', archived: 'default' };

export function RubricStatusTag({ status }: { status: RubricStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`researchRubrics.statuses.${status}`)}</Tag>;
}

/**
 * 课堂观察量表: the city's and the reader's county's rubrics, newest version first; city and county
 * staff define, publish, copy and archive them in the editor drawer.
 */
export default function RubricsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const [status, setStatus] = useState<RubricStatus | undefined>(undefined);
  const list = useApi((signal) => listRubrics(status, signal), [status]);
  // undefined: closed; null: a new rubric.
  const [open, setOpen] = useState<Rubric | null | undefined>(undefined);
  const [opening, setOpening] = useState<number | null>(null);

  async function openRubric(id: number) {
    setOpening(id);
    try {
      setOpen(await getRubric(id));
    } finally {
      setOpening(null);
    }
  }

  return (
    <>
      <PageHeader
        title={t('researchRubrics.title')}
        note={t('researchRubrics.note')}
        extra={can(me, 'rubric:write') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(null)} data-testid="create-rubric">{t('researchRubrics.create')}</Button>
        ) : null}
      />
      <Card variant="borderless">
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select<RubricStatus | 'any'>
            value={status ?? 'any'}
            style={{ width: 160 }}
            onChange={(v) => setStatus(v === 'any' ? undefined : v)}
            options={[{ value: 'any', label: t('researchRubrics.anyStatus') }, ...RUBRIC_STATUSES.map((s) => ({ value: s, label: t(`researchRubrics.statuses.${s}`) }))]}
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<RubricSummary>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('researchRubrics.empty') }}
          columns={[
            {
              title: t('researchRubrics.name'),
              dataIndex: 'name',
              width: 300,
              render: (name: string, row) => (
                <Flex vertical>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Link onClick={() => void openRubric(row.id)} data-testid={`rubric-${row.id}`}>{name}</Typography.Link>
                    <Tag>{t('researchRubrics.version', { version: row.version })}</Tag>
                  </Flex>
                  {row.description ? <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{row.description}</Typography.Text> : null}
                </Flex>
              ),
            },
            {
              title: t('researchRubrics.owner'),
              key: 'owner',
              width: 130,
              render: (_, row) => <span>{row.owner.name} <Typography.Text type="secondary">{t(`researchRubrics.ownerLevels.${row.owner.level}`)}</Typography.Text></span>,
            },
            { title: t('researchRubrics.status'), dataIndex: 'status', width: 100, render: (s: RubricStatus) => <RubricStatusTag status={s} /> },
            { title: t('researchRubrics.levels'), key: 'size', width: 160, render: (_, row) => t('researchRubrics.size', { dimensions: row.dimensionCount, items: row.itemCount }) },
            { title: t('researchRubrics.activityCount'), dataIndex: 'activityCount', width: 90, align: 'right' },
            { title: t('researchRubrics.scoreCount'), dataIndex: 'scoreCount', width: 90, align: 'right' },
            { title: t('researchRubrics.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatInstant(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, row) => (
                <Button size="small" loading={opening === row.id} onClick={() => void openRubric(row.id)}>
                  {row.canWrite && row.status !== 'archived' && !(row.status === 'published' && row.scoreCount > 0) ? t('common.edit') : t('researchRubrics.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {open !== undefined ? (
        <RubricEditor
          key={open?.id ?? 'new'}
          rubric={open}
          onClose={() => setOpen(undefined)}
          onChanged={(r) => {
            setOpen(r);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
