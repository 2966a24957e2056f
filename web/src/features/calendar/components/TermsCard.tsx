import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Term } from '@shared/calendar-api-types';
import { SCHOOL_KINDS, type SchoolKind } from '@shared/domain';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { type CalendarPlace, createTerm, deleteTerm, downloadTermTemplate, importTerms, updateTerm } from '../api/calendar.api';

interface TermValues {
  name: string;
  stage: SchoolKind | 'all';
  startsOn: Dayjs;
  endsOn: Dayjs;
}

interface ImportErrorRow { row: number; column: string; message: string }

const dayText = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The school year's terms, with adding, editing, deleting and the Excel import (city and county staff). */
export function TermsCard({ terms, place, canAdd, loading, onChanged }: {
  terms: Term[];
  place: CalendarPlace;
  canAdd: boolean;
  loading: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  const [importErrors, setImportErrors] = useState<ImportErrorRow[] | null>(null);
  const [importing, setImporting] = useState(false);

  async function save(values: TermValues) {
    const body = { name: values.name, stage: values.stage === 'all' ? null : values.stage, startsOn: dayText(values.startsOn), endsOn: dayText(values.endsOn) };
    const res = editing === 'new' ? await createTerm({ ...place, ...body } as Parameters<typeof createTerm>[0]) : await updateTerm((editing as Term).id, body);
    message.success(t('calendar.terms.saved', { n: res.recomputed }));
    setEditing(null);
    onChanged();
  }

  async function remove(term: Term) {
    try {
      const res = await deleteTerm(term.id);
      message.success(t('calendar.terms.removed', { n: res.recomputed }));
      onChanged();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  async function upload(file: File) {
    setImporting(true);
    setImportErrors(null);
    try {
      const res = await importTerms(place, file);
      message.success(t('calendar.import.done', { n: res.imported, m: res.recomputed }));
      onChanged();
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { errors?: ImportErrorRow[] } | undefined) : undefined;
      if (details?.errors) setImportErrors(details.errors);
      else message.error(errorText(error));
    } finally {
      setImporting(false);
    }
  }

  const stageName = (stage: SchoolKind | null) => (stage ? t(`schoolKinds.${stage}`) : t('calendar.stageAll'));

  return (
    <Card
      title={t('calendar.terms.title')}
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="terms-card"
      extra={canAdd ? (
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadTermTemplate().catch((e: unknown) => message.error(errorText(e)))}>{t('calendar.import.template')}</Button>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button icon={<FileExcelOutlined />} loading={importing} data-testid="import-terms">{t('calendar.import.button')}</Button>
          </Upload>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-term">{t('calendar.terms.add')}</Button>
        </Flex>
      ) : undefined}
    >
      {importErrors ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setImportErrors(null) }}
          style={{ marginBottom: 12 }}
          title={t('calendar.import.failed')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="import-errors">
              {importErrors.map((e, i) => <li key={i}>{t('calendar.import.row', { row: e.row })} {e.column ? `「${e.column}」` : ''}{e.message}</li>)}
            </ul>
          }
        />
      ) : null}
      <Table<Term>
        rowKey="id"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={terms}
        locale={{ emptyText: t('calendar.terms.empty') }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('calendar.terms.name'), dataIndex: 'name' },
          { title: t('calendar.terms.stage'), dataIndex: 'stage', width: 110, render: (stage: SchoolKind | null) => stageName(stage) },
          {
            title: t('calendar.terms.scope'), key: 'scope', width: 140,
            render: (_, term) => (term.level === 'city' ? t('calendar.levels.city') : t('calendar.terms.countyOwn', { county: term.countyName ?? '' })),
          },
          { title: t('calendar.terms.startsOn'), dataIndex: 'startsOn', width: 120 },
          {
            title: t('calendar.terms.endsOn'), dataIndex: 'endsOn', width: 170,
            render: (endsOn: string, term) => (
              <>
                {endsOn} <Typography.Text type="secondary">{t('calendar.terms.days', { n: dayjs(endsOn).diff(dayjs(term.startsOn), 'day') + 1 })}</Typography.Text>
              </>
            ),
          },
          {
            title: t('common.actions'), key: 'actions', width: 130,
            render: (_, term) => (term.editable ? (
              <Flex gap={8}>
                <Button type="link" size="small" onClick={() => setEditing(term)} data-testid={`edit-term-${term.id}`}>{t('common.edit')}</Button>
                <Popconfirm title={t('calendar.terms.removeConfirm', { name: term.name })} okButtonProps={{ danger: true }} onConfirm={() => void remove(term)}>
                  <Button type="link" size="small" danger>{t('calendar.terms.remove')}</Button>
                </Popconfirm>
              </Flex>
            ) : null),
          },
        ]}
      />
      {editing ? (
        <FormModal<TermValues>
          title={editing === 'new' ? t('calendar.terms.add') : t('calendar.terms.edit')}
          onClose={() => setEditing(null)}
          onSubmit={save}
          initialValues={editing === 'new' ? { stage: 'all' } : {
            name: editing.name, stage: editing.stage ?? 'all', startsOn: dayjs(editing.startsOn), endsOn: dayjs(editing.endsOn),
          }}
        >
          <Form.Item name="name" label={t('calendar.terms.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} placeholder="2026—2027学年第一学期" data-testid="term-name" />
          </Form.Item>
          <Form.Item name="stage" label={t('calendar.terms.stage')} extra={t('calendar.terms.stageHelp')}>
            <Select options={[{ value: 'all', label: t('calendar.stageAll') }, ...SCHOOL_KINDS.map((k) => ({ value: k, label: t(`schoolKinds.${k}`) }))]} />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item name="startsOn" label={t('calendar.terms.startsOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <PlatformDatePicker style={{ width: '100%' }} data-testid="term-starts" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('calendar.terms.endsOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <PlatformDatePicker style={{ width: '100%' }} data-testid="term-ends" />
            </Form.Item>
          </Flex>
        </FormModal>
      ) : null}
    </Card>
  );
}
