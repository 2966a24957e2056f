import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RolloutBatch, RolloutDeadline } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { deleteDeadline, listBatches, listDeadlines } from '../api/rollout.api';
import { BatchFormModal } from '../components/BatchFormModal';
import { DeadlineFormModal } from '../components/DeadlineFormModal';
import { DeadlineScope, RequirementTags } from '../components/deadline-scope';
import { RolloutTabs } from '../components/RolloutTabs';

type CountyShare = RolloutBatch['counties'][number];

/**
 * The city's plan (批次与时间节点): its batches with their targets and each county's share, and
 * the deadlines the overdue lists hold schools to. The city bureau (batch:write) adds and changes
 * them here, and removes a deadline; everyone else reads them.
 */
export default function RolloutBatchesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const writer = can(me, 'batch:write');
  const batches = useApi((signal) => listBatches(signal), []);
  const deadlines = useApi((signal) => listDeadlines(signal), []);
  const [editing, setEditing] = useState<{ batch?: RolloutBatch } | null>(null);
  const [editingDeadline, setEditingDeadline] = useState<{ deadline?: RolloutDeadline } | null>(null);
  const { message } = App.useApp();
  const errorText = useErrorText();

  async function remove(d: RolloutDeadline) {
    try {
      await deleteDeadline(d.id);
      void message.success(t('rollout.plan.deadlineDeleted'));
    } catch (reason) {
      void message.error(errorText(reason));
    }
    deadlines.reload();
  }

  return (
    <>
      <PageHeader
        title={t('rollout.title')}
        extra={writer ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="create-batch">{t('rollout.plan.createBatch')}</Button>
        ) : null}
      />
      <RolloutTabs active="batches" />
      <Card variant="borderless" title={t('rollout.plan.batches')} style={{ marginBottom: 16 }}>
        {batches.error ? <ErrorAlert error={batches.error} onRetry={batches.reload} /> : null}
        <Table<RolloutBatch>
          rowKey="id"
          size="middle"
          loading={batches.loading}
          dataSource={batches.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('rollout.plan.emptyBatches') }}
          data-testid="rollout-batches"
          expandable={{
            expandedRowRender: (b) => <CountyShares batch={b} />,
            rowExpandable: (b) => b.counties.length > 0,
          }}
          columns={[
            { title: t('rollout.plan.code'), dataIndex: 'code', width: 100 },
            { title: t('rollout.plan.name'), dataIndex: 'name' },
            { title: t('rollout.plan.batchDueOn'), dataIndex: 'dueOn', width: 120 },
            {
              title: t('rollout.plan.cityTargets'),
              children: [
                { title: t('rollout.groups.kindergarten'), key: 'kindergarten', width: 90, align: 'right', render: (_: unknown, b) => b.targets.kindergarten },
                { title: t('rollout.groups.primaryAndJunior'), key: 'primaryAndJunior', width: 90, align: 'right', render: (_: unknown, b) => b.targets.primaryAndJunior },
              ],
            },
            {
              title: t('rollout.plan.countyShares'), key: 'counties', width: 110,
              render: (_: unknown, b) => t('rollout.plan.countiesCount', { n: b.counties.length }),
            },
            ...(writer ? [{
              title: t('common.actions'), key: 'actions', width: 90,
              render: (_: unknown, b: RolloutBatch) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ batch: b })} data-testid={`edit-batch-${b.code}`}>{t('common.edit')}</Button>
              ),
            }] : []),
          ]}
        />
      </Card>
      <Card
        variant="borderless"
        title={t('rollout.plan.deadlines')}
        extra={(
          <Flex gap={12} align="center">
            <Typography.Text type="secondary">{t('rollout.plan.deadlinesNote')}</Typography.Text>
            {writer ? (
              <Button icon={<PlusOutlined />} onClick={() => setEditingDeadline({})} data-testid="create-deadline">{t('rollout.plan.createDeadline')}</Button>
            ) : null}
          </Flex>
        )}
      >
        {deadlines.error ? <ErrorAlert error={deadlines.error} onRetry={deadlines.reload} /> : null}
        <Table<RolloutDeadline>
          rowKey="id"
          size="middle"
          loading={deadlines.loading}
          dataSource={deadlines.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('rollout.plan.emptyDeadlines') }}
          data-testid="rollout-deadlines"
          columns={[
            { title: t('rollout.plan.name'), dataIndex: 'name' },
            { title: t('rollout.dueOn'), dataIndex: 'dueOn', width: 120 },
            { title: t('rollout.plan.appliesTo'), key: 'applies', width: 220, render: (_: unknown, d) => <DeadlineScope deadline={d} /> },
            { title: t('rollout.plan.requires'), key: 'requires', width: 260, render: (_: unknown, d) => <RequirementTags requires={d.requires} /> },
            ...(writer ? [{
              title: t('common.actions'), key: 'actions', width: 170,
              render: (_: unknown, d: RolloutDeadline) => (
                <Flex gap={8}>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditingDeadline({ deadline: d })} data-testid={`edit-deadline-${d.id}`}>{t('common.edit')}</Button>
                  <Popconfirm
                    title={t('rollout.plan.deleteDeadlineConfirm', { name: d.name })}
                    description={(
                      <Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>
                        {isLastFor(d, deadlines.data?.items ?? []) ? `${t('rollout.plan.deleteLastDeadline')} ` : null}
                        {t('rollout.plan.deleteDeadlineHelp')}
                      </Typography.Paragraph>
                    )}
                    okText={t('rollout.plan.deleteDeadline')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(d)}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} data-testid={`delete-deadline-${d.id}`}>{t('rollout.plan.deleteDeadline')}</Button>
                  </Popconfirm>
                </Flex>
              ),
            }] : []),
          ]}
        />
      </Card>
      {editing ? (
        <BatchFormModal batch={editing.batch} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); batches.reload(); }} />
      ) : null}
      {editingDeadline ? (
        <DeadlineFormModal
          deadline={editingDeadline.deadline}
          batches={batches.data?.items ?? []}
          onClose={() => setEditingDeadline(null)}
          onSaved={() => { setEditingDeadline(null); deadlines.reload(); }}
        />
      ) : null}
    </>
  );
}

/**
 * Whether no other deadline holds every school this one holds (built or new, and its batch or
 * all): removing it leaves them to their own plans and their batch's due date, which the
 * confirmation says.
 */
function isLastFor(d: RolloutDeadline, all: RolloutDeadline[]): boolean {
  return !all.some((o) => o.id !== d.id && o.cityId === d.cityId && o.appliesTo === d.appliesTo && (o.batchCode === null || o.batchCode === d.batchCode));
}

/** Each county's share of a batch's targets (the counties the person sees), with the total. */
function CountyShares({ batch }: { batch: RolloutBatch }) {
  const { t } = useTranslation();
  return (
    <Table<CountyShare>
      rowKey="countyId"
      size="small"
      pagination={false}
      dataSource={batch.counties}
      style={{ maxWidth: 480 }}
      data-testid={`batch-counties-${batch.code}`}
      columns={[
        { title: t('rollout.county'), dataIndex: 'countyName' },
        { title: t('rollout.groups.kindergarten'), dataIndex: 'kindergarten', width: 100, align: 'right' },
        { title: t('rollout.groups.primaryAndJunior'), dataIndex: 'primaryAndJunior', width: 100, align: 'right' },
      ]}
      summary={(rows) => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><Typography.Text strong>{t('rollout.plan.sum')}</Typography.Text></Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{rows.reduce((s, r) => s + r.kindergarten, 0)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{rows.reduce((s, r) => s + r.primaryAndJunior, 0)}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
