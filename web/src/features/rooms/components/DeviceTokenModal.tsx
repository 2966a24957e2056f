import { useState } from 'react';
import { Alert, Checkbox, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceToken } from '@shared/api-types';

/**
 * Shows a recorder's token the one time the server hands it out: copy button, a warning that it
 * cannot be shown again, and what the recorder needs besides. Closing asks for a tick first, so
 * a stray click on the mask does not lose the token.
 */
export function DeviceTokenModal({ result, rotated, onClose }: { result: DeviceToken; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Modal
      open
      title={rotated ? t('devices.rotatedTitle', { name: result.device.name }) : t('devices.createdTitle', { name: result.device.name })}
      onOk={onClose}
      onCancel={saved ? onClose : undefined}
      okText={t('devices.tokenSavedClose')}
      okButtonProps={{ disabled: !saved, 'data-testid': 'close-token' }}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={saved}
      mask={{ closable: false }}
      keyboard={false}
      width={600}
      data-testid="device-token-modal"
    >
      <Alert type="warning" showIcon title={t('devices.tokenOnceTitle')} description={t('devices.tokenOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: result.token, tooltips: [t('devices.copy'), t('devices.copied')] }}
        code
        style={{ fontSize: 15, wordBreak: 'break-all' }}
        data-testid="device-token"
      >
        {result.token}
      </Typography.Paragraph>
      {rotated ? <Alert type="info" showIcon title={t('devices.oldTokenStopped')} style={{ marginBottom: 16 }} /> : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'server', label: t('devices.serverAddress'), children: window.location.origin },
          { key: 'device', label: t('devices.name'), children: result.device.name },
          { key: 'doc', label: t('devices.integration'), children: t('devices.integrationHelp') },
        ]}
      />
      <Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} style={{ marginTop: 16 }} data-testid="token-saved">
        {t('devices.tokenSavedCheck')}
      </Checkbox>
    </Modal>
  );
}
