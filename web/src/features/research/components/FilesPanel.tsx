import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Select, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ActivityFile, ActivityFileKind, ActivityLesson } from '@shared/research-activities-types';
import { useErrorText } from '../../../api/error-text';
import { formatInstant } from '../../../app/time';
import { deleteActivityFile, downloadActivityFile, FILE_ACCEPT, FILE_KINDS, uploadActivityFile } from '../api/activities.api';

const MAX_BYTES = 20 * 1024 * 1024;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Lesson plans and courseware of an activity or of one of its lessons: upload (members and the
 * organiser, up to 20 MB of pdf, Office, image or text), download, delete (uploader or organiser).
 */
export function FilesPanel({ activityId, files, lessons, mayUpload, onChanged }: {
  activityId: number;
  files: ActivityFile[];
  lessons: ActivityLesson[];
  mayUpload: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [kind, setKind] = useState<ActivityFileKind>('lesson_plan');
  const [lessonId, setLessonId] = useState<number | undefined>();
  const [uploading, setUploading] = useState(false);
  const lessonTitle = (id: number | null) => lessons.find((l) => l.id === id)?.title;

  async function send(file: File) {
    if (file.size > MAX_BYTES) {
      void message.error(t('researchActivities.files.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      await uploadActivityFile(activityId, file, kind, lessonId);
      void message.success(t('researchActivities.files.uploaded', { name: file.name }));
      onChanged();
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setUploading(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      {mayUpload ? (
        <Flex gap={8} wrap align="center">
          <Select value={kind} onChange={setKind} options={FILE_KINDS.map((k) => ({ value: k, label: t(`researchActivities.files.kinds.${k}`) }))} style={{ width: 120 }} aria-label={t('researchActivities.files.kind')} />
          <Select allowClear value={lessonId} onChange={setLessonId} placeholder={t('researchActivities.files.forActivity')} style={{ minWidth: 220 }}
            options={lessons.map((l) => ({ value: l.id, label: `${l.title}（${l.teacherName || l.schoolName}）` }))} aria-label={t('researchActivities.files.lesson')} />
          <Upload accept={FILE_ACCEPT} showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="upload-file">{t('researchActivities.files.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('researchActivities.files.limits')}</Typography.Text>
        </Flex>
      ) : null}
      <Table<ActivityFile>
        rowKey="id"
        size="small"
        dataSource={files}
        pagination={false}
        locale={{ emptyText: t('researchActivities.files.empty') }}
        data-testid="files-table"
        columns={[
          {
            title: t('researchActivities.files.name'), dataIndex: 'name', ellipsis: true,
            render: (name: string, f) => (
              <Flex gap={6} align="center">
                <Typography.Link onClick={() => void downloadActivityFile(activityId, f).catch((e: unknown) => message.error(errorText(e)))}>{name}</Typography.Link>
                {f.lessonId ? <Tag>{lessonTitle(f.lessonId)}</Tag> : null}
              </Flex>
            ),
          },
          { title: t('researchActivities.files.kind'), dataIndex: 'kind', width: 100, render: (k: ActivityFileKind) => t(`researchActivities.files.kinds.${k}`) },
          { title: t('researchActivities.files.size'), dataIndex: 'sizeBytes', width: 90, render: sizeText },
          { title: t('researchActivities.files.by'), dataIndex: 'uploadedByName', width: 100 },
          { title: t('researchActivities.files.at'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatInstant(v) },
          {
            key: 'actions', width: 90,
            render: (_, f) => (
              <Flex gap={4}>
                <Button type="text" size="small" icon={<DownloadOutlined />} aria-label={t('researchActivities.files.download')}
                  onClick={() => void downloadActivityFile(activityId, f).catch((e: unknown) => message.error(errorText(e)))} />
                {f.mayDelete ? (
                  <Popconfirm title={t('researchActivities.files.deleteConfirm')} okButtonProps={{ danger: true }}
                    onConfirm={() => deleteActivityFile(activityId, f.id).then(onChanged, (e: unknown) => { void message.error(errorText(e)); })}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('researchActivities.files.delete')} />
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
