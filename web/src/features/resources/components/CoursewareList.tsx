import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoursewareConversion, CoursewareFile } from '@shared/resources-courseware-types';
import { useApi } from '../../../api/use-api';
import { useErrorText } from '../../../api/error-text';
import { coursewareUrls, deleteCourseware, listCourseware } from '../api/courseware.api';
import { CoursewareUpload } from './CoursewareUpload';
import { CoursewareViewer } from './CoursewareViewer';

const STATE_COLOR: Record<CoursewareConversion, string> = { none: 'default', pending: 'processing', done: 'success', failed: 'error', waiting_package: 'warning' };
/** While a file converts, the list asks again this often. */
const POLL_MS = 5000;

/**
 * A resource's courseware as cards: first-page thumbnail, name, pages, conversion state (with
 * the reason when it failed or waits for LibreOffice), delete for the publisher. Controlled by
 * the caller's `files` (see CoursewarePanel, which loads them).
 */
export function CoursewareList({ resourceId, files, isPublic = false, selectedId, onSelect, onChanged }: {
  resourceId: number;
  files: CoursewareFile[];
  isPublic?: boolean;
  selectedId?: number;
  onSelect: (file: CoursewareFile) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();

  async function remove(file: CoursewareFile) {
    try {
      await deleteCourseware(resourceId, file.id);
      void message.success(t('resourcesCourseware.deleted'));
      onChanged();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resourcesCourseware.empty')} />;
  return (
    <Flex gap={12} wrap data-testid="courseware-list">
      {files.map((f) => (
        <Card key={f.id} hoverable size="small" style={{ width: 200, borderColor: f.id === selectedId ? '#1677ff' : undefined }}
          onClick={() => onSelect(f)} data-testid={`courseware-${f.id}`}
          cover={f.hasThumbnail
            ? <img src={coursewareUrls(resourceId, f.id, isPublic).thumbnail} alt={f.name} style={{ height: 112, objectFit: 'contain', background: '#fafafa' }} />
            : <Flex align="center" justify="center" style={{ height: 112, background: '#fafafa' }}><FileOutlined style={{ fontSize: 32, color: '#bbb' }} aria-label={t('resourcesCourseware.noThumbnail')} /></Flex>}
          actions={f.canDelete ? [
            <Popconfirm key="delete" title={t('resourcesCourseware.deleteConfirm', { name: f.name })} onConfirm={() => void remove(f)} onPopupClick={(e) => e.stopPropagation()}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={(e) => e.stopPropagation()}>{t('resourcesCourseware.delete')}</Button>
            </Popconfirm>,
          ] : undefined}>
          <Typography.Text ellipsis={{ tooltip: f.name }} style={{ display: 'block' }}>{f.name}</Typography.Text>
          <Flex gap={4} wrap align="center">
            <Tag color={STATE_COLOR[f.conversion]} data-testid="courseware-state">{t(`resourcesCourseware.states.${f.conversion}`)}</Tag>
            {f.pages ? <Typography.Text type="secondary">{t('resourcesCourseware.pages', { count: f.pages })}</Typography.Text> : null}
          </Flex>
          {f.conversionMessage && <Typography.Text type={f.conversion === 'failed' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>{f.conversionMessage}</Typography.Text>}
        </Card>
      ))}
    </Flex>
  );
}

/**
 * Everything courseware on a resource's page: the list (polled while a file converts), the
 * viewer of the chosen file, and the upload for those the server says may (the publisher or a
 * principal of its school). `isPublic` reads through /api/public (the read-only page, no login).
 */
export function CoursewarePanel({ resourceId, isPublic = false }: { resourceId: number; isPublic?: boolean }) {
  const { t } = useTranslation();
  const files = useApi((signal) => listCourseware(resourceId, isPublic, signal), [resourceId, isPublic]);
  const items = files.data?.items ?? [];
  const [selectedId, setSelectedId] = useState<number | undefined>();
  const selected = items.find((f) => f.id === selectedId) ?? items.find((f) => f.hasPdf || f.conversion === 'none');
  const converting = items.some((f) => f.conversion === 'pending');
  const { reload } = files;

  useEffect(() => {
    if (!converting) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [converting, reload]);

  return (
    <Flex vertical gap={12} data-testid="courseware-panel">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('resourcesCourseware.title')}</Typography.Title>
      {files.data?.canUpload && !isPublic && <CoursewareUpload resourceId={resourceId} onUploaded={reload} />}
      {converting && <Alert type="info" showIcon message={t('resourcesCourseware.pendingHelp')} />}
      {files.loading && !files.data ? <Spin /> : (
        <CoursewareList resourceId={resourceId} files={items} isPublic={isPublic} selectedId={selected?.id} onSelect={(f) => setSelectedId(f.id)} onChanged={reload} />
      )}
      {selected && <CoursewareViewer key={selected.id} resourceId={resourceId} file={selected} isPublic={isPublic} />}
    </Flex>
  );
}
