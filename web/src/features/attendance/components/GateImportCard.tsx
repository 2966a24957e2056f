import { App, Alert, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { importGateFile } from '../api/attendance.api';

type RowError = { row: number; column: string; message: string };

/** 导入门禁记录: a gate system's CSV (student_no, time, direction), all rows or none, every error listed. */
export function GateImportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<RowError[]>([]);
  const [busy, setBusy] = useState(false);

  async function send(file: File) {
    setBusy(true);
    setErrors([]);
    try {
      const r = await importGateFile(file);
      message.success(t('attendance.imported', { n: r.imported }));
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as { errors?: RowError[] } | undefined) : undefined;
      if (details?.errors) setErrors(details.errors);
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('attendance.importTitle')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('attendance.importHint')}</Typography.Text>
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void send(f); return false; }}>
          <Button loading={busy}>{t('attendance.chooseFile')}</Button>
        </Upload>
        {errors.length ? (
          <>
            <Alert type="error" message={t('attendance.importErrors', { n: errors.length })} />
            <Table size="small" rowKey={(r) => `${r.row}:${r.column}:${r.message}`} dataSource={errors} pagination={{ pageSize: 20 }} columns={[
              { title: t('attendance.row'), dataIndex: 'row', width: 80 },
              { title: t('attendance.column'), dataIndex: 'column', width: 120 },
              { title: t('attendance.problem'), dataIndex: 'message' },
            ]} />
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
