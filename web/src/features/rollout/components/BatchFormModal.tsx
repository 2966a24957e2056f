import { useEffect, useMemo } from 'react';
import { App, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RolloutBatch } from '@shared/api-types';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { useRegions } from '../../org/api/use-regions';
import { SCHOOL_GROUPS as GROUPS, type SchoolGroup } from '@shared/rollout';
import { createBatch, updateBatch } from '../api/rollout.api';

interface Share { countyId: number; countyName: string; countyCode: string; kindergarten: number | null; primaryAndJunior: number | null }

interface Values {
  cityId?: number;
  code: string;
  name: string;
  dueOn: Dayjs;
  targets: Record<SchoolGroup, number | null>;
  /** Leave the shares to the server, which shares the targets by each county's programme schools of the batch. */
  autoShare: boolean;
  counties: Share[];
}

const n = (value: number | null | undefined) => value ?? 0;

/**
 * Creates a batch or changes one: code (YYYY-MM, fixed once made), name, due date, the city's
 * targets for kindergartens and 中小学, and each county's share of them. The shares' sums show
 * live against the targets; the server's check (ROLLOUT_TARGETS_DO_NOT_ADD_UP) is the one that counts.
 */
export function BatchFormModal({ batch, onClose, onSaved }: {
  /** The batch to change; none to create one. */
  batch?: RolloutBatch;
  onClose: () => void;
  onSaved: (batch: RolloutBatch) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { cities, counties } = useRegions();
  const chosenCity = Form.useWatch('cityId', form);
  const cityId = batch?.cityId ?? chosenCity ?? (cities.length === 1 ? cities[0]?.id : undefined);
  const targets = Form.useWatch('targets', form);
  const shares = Form.useWatch('counties', form);
  const autoShare = Form.useWatch('autoShare', form);

  // One row per county of the city, carrying the batch's shares where it has them.
  const rows = useMemo<Share[]>(() => counties
    .filter((c) => c.parentId === cityId)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => {
      const had = batch?.counties.find((x) => x.countyId === c.id);
      return { countyId: c.id, countyName: c.name, countyCode: c.code, kindergarten: had?.kindergarten ?? 0, primaryAndJunior: had?.primaryAndJunior ?? 0 };
    }), [counties, cityId, batch]);
  useEffect(() => {
    form.setFieldValue('counties', rows);
  }, [form, rows]);

  const sums = Object.fromEntries(GROUPS.map((g) => [g, (shares ?? []).reduce((s, c) => s + n(c?.[g]), 0)])) as Record<SchoolGroup, number>;

  async function submit(v: Values) {
    // onFinish carries only the fields with an input; the store has each row's county too.
    const given = form.getFieldValue('counties') as Share[];
    const body = {
      name: v.name.trim(),
      dueOn: v.dueOn.format('YYYY-MM-DD'),
      targets: { kindergarten: n(v.targets.kindergarten), primaryAndJunior: n(v.targets.primaryAndJunior) },
      counties: v.autoShare ? undefined : given.map((c) => ({ countyId: c.countyId, kindergarten: n(c.kindergarten), primaryAndJunior: n(c.primaryAndJunior) })),
    };
    const saved = batch ? await updateBatch(batch.id, body) : await createBatch({ ...body, code: v.code.trim(), cityId });
    void message.success(t('common.saved'));
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={batch ? t('rollout.plan.editBatchTitle', { name: batch.name }) : t('rollout.plan.createBatch')}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      width={720}
      initialValues={{
        code: batch?.code ?? '',
        name: batch?.name ?? '',
        dueOn: batch ? dayjs(batch.dueOn) : undefined,
        targets: batch ? { ...batch.targets } : { kindergarten: 0, primaryAndJunior: 0 },
        autoShare: false,
        counties: rows,
      }}
    >
      {!batch && cities.length > 1 ? (
        <Form.Item name="cityId" label={t('rollout.plan.city')} rules={[{ required: true, message: t('rollout.plan.cityRequired') }]}>
          <Select options={cities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="code"
            label={t('rollout.plan.code')}
            extra={batch ? t('rollout.plan.codeFixed') : t('rollout.plan.codeHelp')}
            rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('rollout.plan.codeInvalid') }]}
          >
            <Input disabled={!!batch} placeholder="2019-08" maxLength={7} data-testid="batch-code" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="name" label={t('rollout.plan.name')} rules={[{ required: true, whitespace: true, message: t('rollout.plan.nameRequired') }]}>
            <Input maxLength={100} placeholder={t('rollout.plan.batchNamePlaceholder')} data-testid="batch-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="dueOn" label={t('rollout.plan.batchDueOn')} rules={[{ required: true, message: t('rollout.plan.dueRequired') }]}>
            <PlatformDatePicker style={{ width: '100%' }} data-testid="batch-due-on" />
          </Form.Item>
        </Col>
        {GROUPS.map((g) => (
          <Col xs={12} sm={8} key={g}>
            <Form.Item name={['targets', g]} label={t('rollout.plan.cityTarget', { group: t(`rollout.groups.${g}`) })} rules={[{ required: true, message: t('rollout.plan.targetRequired') }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`batch-target-${g}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="autoShare" valuePropName="checked" extra={t('rollout.plan.autoShareHelp')} style={{ marginBottom: 12 }}>
        <Checkbox data-testid="batch-auto-share">{t('rollout.plan.autoShare')}</Checkbox>
      </Form.Item>
      <Form.List name="counties">
        {(fields) => (
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            scroll={{ y: 250 }}
            data-testid="batch-shares"
            style={autoShare ? { opacity: 0.5 } : undefined}
            columns={[
              { title: t('rollout.county'), key: 'county', render: (_: unknown, f) => rows[f.name]?.countyName ?? '' },
              ...GROUPS.map((g) => ({
                title: t(`rollout.groups.${g}`),
                key: g,
                width: 160,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, g]} noStyle>
                    <InputNumber
                      min={0}
                      precision={0}
                      disabled={autoShare}
                      style={{ width: '100%' }}
                      aria-label={`${rows[f.name]?.countyName ?? ''} ${t(`rollout.groups.${g}`)}`}
                      data-testid={`share-${rows[f.name]?.countyCode ?? f.name}-${g}`}
                    />
                  </Form.Item>
                ),
              })),
            ]}
            summary={() => (autoShare ? null : (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><Typography.Text strong>{t('rollout.plan.sum')}</Typography.Text></Table.Summary.Cell>
                  {GROUPS.map((g, i) => {
                    const target = n(targets?.[g]);
                    const diff = sums[g] - target;
                    return (
                      <Table.Summary.Cell index={i + 1} key={g}>
                        <Flex vertical data-testid={`batch-sum-${g}`} data-matches={diff === 0 ? 'yes' : 'no'}>
                          <Typography.Text strong type={diff === 0 ? 'success' : 'danger'}>{sums[g]} / {target}</Typography.Text>
                          <Typography.Text type={diff === 0 ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
                            {diff === 0 ? t('rollout.plan.sumMatches') : t(diff > 0 ? 'rollout.plan.sumOver' : 'rollout.plan.sumUnder', { n: Math.abs(diff) })}
                          </Typography.Text>
                        </Flex>
                      </Table.Summary.Cell>
                    );
                  })}
                </Table.Summary.Row>
              </Table.Summary>
            ))}
          />
        )}
      </Form.List>
    </FormModal>
  );
}
