import { useState } from 'react';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COURSEWARE_ACCEPT, COURSEWARE_MAX_BYTES } from '@shared/resources-courseware-types';
import { useErrorText } from '../../../api/error-text';
import { uploadCourseware } from '../api/courseware.api';

/** The publisher's (or the school principal's) upload of courseware to a resource. */
export function CoursewareUpload({ resourceId, onUploaded }: { resourceId: number; onUploaded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [uploading, setUploading] = useState(false);

  async function send(file: File) {
    if (file.size > COURSEWARE_MAX_BYTES) {
      void message.error(t('resourcesCourseware.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      await uploadCourseware(resourceId, file);
      void message.success(t('resourcesCourseware.uploaded', { name: file.name }));
      onUploaded();
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setUploading(false);
    }
  }

  return (
    <Flex gap={8} wrap align="center">
      <Upload accept={COURSEWARE_ACCEPT} showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={uploading} data-testid="courseware-upload">{t('resourcesCourseware.upload')}</Button>
      </Upload>
      <Typography.Text type="secondary">{t('resourcesCourseware.limits')}</Typography.Text>
    </Flex>
  );
}
