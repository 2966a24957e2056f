import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Radio, Result, Spin, Steps, Table, Typography, Upload } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '@shared/domain';
import type { ImportPreview, ImportRowError } from '@shared/api-types';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { downloadTemplate, previewImport, runImport } from '../api/imports.api';

const ACCEPTED = /\.(xlsx|csv)$/i;

/** Which permission each kind needs: schools and classes are org data, staff are people. */
const KIND_ACTION = { schools: 'school:import', classes: 'school:import', staff: 'person:import' } as const;

type Stage =
  | { step: 'idle' }
  | { step: 'checking'; file: File }
  | { step: 'checked'; file: File; preview: ImportPreview }
  | { step: 'importing'; file: File; preview: ImportPreview }
  | { step: 'done'; imported: number };

/**
 * Import in three steps: choose what, upload, check. Nothing is written until the check finds
 * no error and the user confirms; any error keeps the import button disabled.
 */
export default function ImportPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const kinds = IMPORT_KINDS.filter((kind) => can(me, KIND_ACTION[kind]));
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'schools');
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [failure, setFailure] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);

  function reset() {
    setStage({ step: 'idle' });
    setFailure(null);
  }

  async function check(file: File) {
    setFailure(null);
    if (!ACCEPTED.test(file.name)) {
      void message.error(t('imports.badType'));
      return;
    }
    setStage({ step: 'checking', file });
    try {
      const preview = await previewImport(kind, file);
      setStage({ step: 'checked', file, preview });
    } catch (reason) {
      setFailure(reason);
      setStage({ step: 'idle' });
    }
  }

  async function confirmImport() {
    if (stage.step !== 'checked' || blocked) return;
    const { file, preview } = stage;
    setStage({ step: 'importing', file, preview });
    try {
      const result = await runImport(kind, file);
      setStage({ step: 'done', imported: result.imported });
    } catch (reason) {
      // 422: the file changed its mind between check and import; show the server's errors.
      const details = reason instanceof ApiError ? (reason.details as { errors?: ImportRowError[]; errorCount?: number } | undefined) : undefined;
      if (details?.errors) {
        const errorCount = details.errorCount ?? details.errors.length;
        setStage({ step: 'checked', file, preview: { ...preview, errors: details.errors, errorCount, ok: false } });
      } else {
        setStage({ step: 'checked', file, preview });
      }
      setFailure(reason);
    }
  }

  async function onTemplate() {
    setDownloading(true);
    try {
      await downloadTemplate(kind);
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setDownloading(false);
    }
  }

  const preview = stage.step === 'checked' || stage.step === 'importing' ? stage.preview : null;
  const file = stage.step === 'checking' || stage.step === 'checked' || stage.step === 'importing' ? stage.file : null;
  const current = stage.step === 'idle' ? 1 : 2;
  // The server's verdict and our own reading of it must both say yes.
  const blocked = !preview || !preview.ok || preview.errors.length > 0 || preview.totalRows === 0;

  if (stage.step === 'done') {
    return (
      <>
        <PageHeader title={t('imports.title')} />
        <Card variant="borderless">
          <Result
            status="success"
            title={t('imports.importedTitle')}
            subTitle={t('imports.imported', { count: stage.imported, kind: t(`imports.kinds.${kind}`) })}
            extra={<Button type="primary" onClick={reset}>{t('imports.again')}</Button>}
            data-testid="import-done"
          />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
          <Steps
            size="small"
            current={current}
            items={[{ title: t('imports.step1') }, { title: t('imports.step2') }, { title: t('imports.step3') }]}
          />
        </Card>
        <Card variant="borderless" title={`1. ${t('imports.step1')}`}>
          <Flex vertical gap={12}>
            <Radio.Group
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as ImportKind);
                reset();
              }}
              optionType="button"
              buttonStyle="solid"
              options={kinds.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
              data-testid="import-kind"
            />
            <Typography.Text type="secondary">{t(`imports.kindHints.${kind}`)}</Typography.Text>
            <div>
              <Button icon={<DownloadOutlined />} loading={downloading} onClick={onTemplate}>
                {t('imports.downloadTemplate')}
              </Button>
            </div>
          </Flex>
        </Card>
        <Card variant="borderless" title={`2. ${t('imports.step2')}`}>
          {file ? (
            <Flex align="center" gap={12} wrap>
              <FileExcelOutlined style={{ fontSize: 24, color: '#1d6f42' }} />
              <Typography.Text strong>{file.name}</Typography.Text>
              <Button onClick={reset} disabled={stage.step === 'checking' || stage.step === 'importing'}>
                {t('imports.reupload')}
              </Button>
            </Flex>
          ) : (
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              beforeUpload={(chosen) => {
                void check(chosen);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.dragText')}</p>
              <p className="ant-upload-hint">{t('imports.dragHint')}</p>
            </Upload.Dragger>
          )}
          {failure ? <Alert type="error" showIcon title={errorText(failure)} style={{ marginTop: 16 }} role="alert" /> : null}
        </Card>
        {stage.step === 'checking' ? (
          <Card variant="borderless">
            <Flex align="center" gap={12}>
              <Spin />
              {t('imports.checking')}
            </Flex>
          </Card>
        ) : null}
        {preview ? (
          <Card variant="borderless" title={`3. ${t('imports.step3')}`} data-testid="import-preview">
            <Flex vertical gap={16}>
              {preview.errors.length > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('imports.totalRows', { count: preview.totalRows })}
                  description={
                    t('imports.errorsFound', { count: Math.max(preview.errorCount, preview.errors.length) }) +
                    (preview.errorCount > preview.errors.length ? ` ${t('imports.errorsListed', { count: preview.errors.length })}` : '')
                  }
                />
              ) : blocked ? (
                <Alert type="warning" showIcon title={t('imports.totalRows', { count: preview.totalRows })} />
              ) : (
                <Alert type="success" showIcon title={t('imports.clean', { count: preview.totalRows })} />
              )}
              {preview.errors.length > 0 ? (
                <Table<ImportRowError>
                  rowKey={(row, index) => `${row.row}-${row.column}-${index ?? 0}`}
                  size="small"
                  dataSource={preview.errors}
                  pagination={preview.errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  columns={[
                    { title: t('imports.row'), dataIndex: 'row', width: 80 },
                    { title: t('imports.column'), dataIndex: 'column', width: 160 },
                    { title: t('imports.reason'), dataIndex: 'message' },
                  ]}
                  data-testid="import-errors"
                />
              ) : null}
              <div>
                <Button
                  type="primary"
                  size="large"
                  icon={<CloudUploadOutlined />}
                  disabled={blocked}
                  loading={stage.step === 'importing'}
                  onClick={confirmImport}
                  data-testid="confirm-import"
                >
                  {stage.step === 'importing' ? t('imports.importing') : t('imports.confirmImport')}
                </Button>
              </div>
            </Flex>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
