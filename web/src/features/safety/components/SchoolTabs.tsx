import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DRILL_KINDS, HAZARD_LEVELS, HAZARD_STATUSES, type HazardStatus, SAFETY_AREAS, type SafetyArea } from '@shared/safety-checklists';
import type { Hazard } from '@shared/safety-api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { platformTime } from '../../../app/time';
import { listDrills, listHazards, listSafetyChecks, recordDrill, reportHazard, schoolAreas, setSchoolAreas } from '../api/safety.api';
import { SafetyCheckForm } from './SafetyCheckForm';
import { HazardLevelTag, HazardStatusTag } from './safety-tags';

/** 安全巡查 for one school: the checklist form, the areas the principal keeps, and the checks so far. */
export function SafetyCheckTab({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const areas = useApi((signal) => schoolAreas(schoolId, signal), [schoolId]);
  const checks = useApi((signal) => listSafetyChecks({ schoolId, page: 1, pageSize: 20 }, signal), [schoolId]);
  async function saveAreas(enabled: SafetyArea[]) {
    try {
      await setSchoolAreas(schoolId, enabled);
      void message.success(t('safety.check.areasSaved'));
      areas.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  return (
    <Flex vertical gap={16}>
      {areas.error ? <ErrorAlert error={areas.error} onRetry={areas.reload} /> : null}
      {areas.data ? <SafetyCheckForm key={areas.data.enabled.join()} areas={areas.data} onSaved={checks.reload} /> : null}
      {areas.data?.canEdit ? (
        <Card size="small" title={t('safety.check.areasSetting')}>
          <Typography.Paragraph type="secondary">{t('safety.check.areasHelp')}</Typography.Paragraph>
          <Checkbox.Group value={areas.data.enabled} onChange={(v) => void saveAreas(v as SafetyArea[])}
            options={SAFETY_AREAS.map((a) => ({ value: a, label: t(`safety.areas.${a}`) }))} />
        </Card>
      ) : null}
      <Card size="small" title={t('safety.check.history')}>
        {checks.error ? <ErrorAlert error={checks.error} onRetry={checks.reload} /> : null}
        <Table rowKey="id" size="small" loading={checks.loading} dataSource={checks.data?.items ?? []} pagination={false} scroll={{ x: true }}
          locale={{ emptyText: t('safety.check.empty') }}
          columns={[
            { title: t('safety.check.date'), dataIndex: 'date' },
            { title: t('safety.check.problems'), dataIndex: 'problems' },
            { title: t('safety.check.by'), dataIndex: 'byName' },
            { title: t('safety.check.note'), dataIndex: 'note' },
          ]} />
      </Card>
    </Flex>
  );
}

type HazardForm = { title: string; area: SafetyArea; level: (typeof HAZARD_LEVELS)[number]; description?: string; responsibleUserId: number; deadline: Dayjs };

/** 上报隐患: a hazard found outside a check. */
function ReportHazardButton({ schoolId, onSaved }: { schoolId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<HazardForm>();
  const areas = useApi(async (signal) => (open ? schoolAreas(schoolId, signal) : undefined), [open, schoolId]);
  async function submit(v: HazardForm) {
    try {
      await reportHazard({ ...v, schoolId, deadline: v.deadline.format('YYYY-MM-DD') });
      void message.success(t('safety.hazard.saved'));
      setOpen(false);
      form.resetFields();
      onSaved();
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>{t('safety.hazard.newTitle')}</Button>
      <Modal open={open} title={t('safety.hazard.newTitle')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('safety.hazard.submit')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ level: 'general', area: 'fire' }}>
          <Form.Item name="title" label={t('safety.hazard.titleField')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="area" label={t('safety.hazard.area')} rules={[{ required: true }]}>
            <Select options={SAFETY_AREAS.map((a) => ({ value: a, label: t(`safety.areas.${a}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('safety.hazard.level')} rules={[{ required: true }]}>
            <Select options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`safety.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('safety.hazard.description')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          <Form.Item name="responsibleUserId" label={t('safety.hazard.responsible')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(areas.data?.staff ?? []).map((s) => ({ value: s.userId, label: s.name }))} />
          </Form.Item>
          <Form.Item name="deadline" label={t('safety.hazard.deadline')} rules={[{ required: true }]}>
            <PlatformDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 隐患 in the caller's scope (or one school's), filtered by state; the county's "escalated only" is its list to chase. */
export function HazardsTab({ schoolId, escalated }: { schoolId?: number; escalated?: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HazardStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useApi((signal) => listHazards({ schoolId, status, escalated: escalated || undefined, page, pageSize: 20 }, signal), [schoolId, status, escalated, page]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select allowClear placeholder={t('safety.hazard.filterStatus')} value={status} onChange={(s) => { setStatus(s); setPage(1); }} style={{ minWidth: 160 }}
          options={HAZARD_STATUSES.map((s) => ({ value: s, label: t(`safety.statuses.${s}`) }))} />
        {schoolId ? <ReportHazardButton schoolId={schoolId} onSaved={list.reload} /> : null}
      </Flex>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Hazard> rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: true }}
        locale={{ emptyText: t('safety.hazard.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('safety.hazard.titleField'), dataIndex: 'title', render: (v: string, h) => <Link to={`/safety/hazards/${h.id}`}>{v}</Link> },
          ...(schoolId ? [] : [{ title: t('safety.school'), dataIndex: 'schoolName' }]),
          { title: t('safety.hazard.level'), dataIndex: 'level', render: (_: unknown, h: Hazard) => <HazardLevelTag level={h.level} /> },
          { title: t('safety.hazard.responsible'), dataIndex: 'responsibleName' },
          { title: t('safety.hazard.deadline'), dataIndex: 'deadline' },
          { title: t('safety.hazard.status'), dataIndex: 'status', render: (_: unknown, h: Hazard) => <HazardStatusTag status={h.status} overdue={h.overdue} /> },
        ]} />
    </Flex>
  );
}

type DrillForm = { kind: (typeof DRILL_KINDS)[number]; date: Dayjs; participants: number; durationMinutes: number; note?: string };

/** 应急演练: the school records a drill; everyone in scope reads them. */
export function DrillsTab({ schoolId }: { schoolId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<DrillForm>();
  const list = useApi((signal) => listDrills({ schoolId, page: 1, pageSize: 50 }, signal), [schoolId]);
  async function submit(v: DrillForm) {
    if (!schoolId) return;
    try {
      await recordDrill({ ...v, schoolId, date: v.date.format('YYYY-MM-DD') });
      void message.success(t('safety.drill.saved'));
      form.resetFields();
      list.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  return (
    <Flex vertical gap={16}>
      {schoolId ? (
        <Card size="small" title={t('safety.drill.newTitle')}>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'fire', date: platformTime().startOf('day') }}>
            <Form.Item name="kind" label={t('safety.drill.kind')} rules={[{ required: true }]}>
              <Select options={DRILL_KINDS.map((k) => ({ value: k, label: t(`safety.drillKinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="date" label={t('safety.drill.date')} rules={[{ required: true }]}><PlatformDatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="participants" label={t('safety.drill.participants')} rules={[{ required: true }]}><InputNumber min={1} max={20000} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="durationMinutes" label={t('safety.drill.duration')} rules={[{ required: true }]}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="note" label={t('safety.drill.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            <Button type="primary" htmlType="submit" block>{t('safety.drill.submit')}</Button>
          </Form>
        </Card>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} pagination={false} scroll={{ x: true }}
        locale={{ emptyText: t('safety.drill.empty') }}
        columns={[
          { title: t('safety.drill.date'), dataIndex: 'date' },
          ...(schoolId ? [] : [{ title: t('safety.school'), dataIndex: 'schoolName' }]),
          { title: t('safety.drill.kind'), dataIndex: 'kind', render: (k: (typeof DRILL_KINDS)[number]) => t(`safety.drillKinds.${k}`) },
          { title: t('safety.drill.participants'), dataIndex: 'participants' },
          { title: t('safety.drill.duration'), dataIndex: 'durationMinutes' },
          { title: t('safety.drill.by'), dataIndex: 'byName' },
        ]} />
    </Flex>
  );
}
