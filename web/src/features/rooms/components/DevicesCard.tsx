import { useState } from 'react';
import { App, Badge, Button, Card, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceToken, RoomDetail } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { FormModal } from '../../../app/components/FormModal';
import { createDevice, revokeDevice, rotateDevice } from '../api/rooms.api';
import { DeviceTokenModal } from './DeviceTokenModal';
import { formatGb, HeartbeatTime } from './room-status';

/**
 * A room's recorders: online state, disk, last heartbeat; with room:write, add one (its token is
 * shown once), rotate a token, or revoke it.
 */
export function DevicesCard({ room, writable, onChanged }: { room: RoomDetail; writable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [token, setToken] = useState<{ result: DeviceToken; rotated: boolean } | null>(null);

  async function onAdd(values: { name?: string }) {
    const result = await createDevice(room.id, values.name?.trim() || undefined);
    setAdding(false);
    setToken({ result, rotated: false });
    onChanged();
  }

  async function act(action: () => Promise<DeviceToken | void>, rotated: boolean) {
    try {
      const result = await action();
      if (result) setToken({ result, rotated });
      else void message.success(t('devices.revoked'));
      onChanged();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  return (
    <Card
      variant="borderless"
      title={t('devices.title')}
      extra={
        writable ? (
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-device">
            {t('devices.add')}
          </Button>
        ) : null
      }
    >
      <Table<Device>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={room.devices}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('devices.empty') }}
        rowClassName={(device) => (device.revokedAt ? 'row-muted' : '')}
        columns={[
          {
            title: t('devices.name'),
            dataIndex: 'name',
            width: 150,
            render: (name: string, device) => (
              <Flex vertical>
                <span>{name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {device.serial || t('devices.notRegistered')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('devices.state'),
            key: 'state',
            width: 120,
            render: (_, device) =>
              device.revokedAt ? (
                <Tag>{t('devices.revokedTag')}</Tag>
              ) : (
                <Flex vertical>
                  <Badge status={device.online ? 'success' : 'error'} text={device.online ? t('connectivity.online') : t('connectivity.offline')} />
                  {device.state ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`recorderStates.${device.state}`)}</Typography.Text> : null}
                </Flex>
              ),
          },
          { title: t('rooms.lastHeartbeat'), dataIndex: 'lastHeartbeatAt', width: 120, render: (at: string | null) => <HeartbeatTime at={at} /> },
          { title: t('devices.diskFree'), dataIndex: 'diskFreeBytes', width: 100, align: 'right', render: formatGb },
          { title: t('devices.tokenHint'), dataIndex: 'tokenHint', width: 110, render: (hint: string) => <Typography.Text code>…{hint}</Typography.Text> },
          { title: t('devices.firmware'), dataIndex: 'firmware', width: 90, render: (value: string | null) => value || '—' },
          { title: t('devices.lastIp'), dataIndex: 'lastIp', width: 120, render: (value: string | null) => value || '—' },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 170,
                  fixed: 'right' as const,
                  render: (_: unknown, device: Device) =>
                    device.revokedAt ? null : (
                      <Flex gap={4}>
                        <Popconfirm title={t('devices.rotateConfirm')} description={t('devices.rotateHelp')} onConfirm={() => act(() => rotateDevice(room.id, device.id), true)}>
                          <Button type="link" size="small">{t('devices.rotate')}</Button>
                        </Popconfirm>
                        <Popconfirm
                          title={t('devices.revokeConfirm')}
                          description={t('devices.revokeHelp')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => act(() => revokeDevice(room.id, device.id), false)}
                        >
                          <Button type="link" size="small" danger>{t('devices.revoke')}</Button>
                        </Popconfirm>
                      </Flex>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding ? (
        <FormModal<{ name?: string }> title={t('devices.addTitle')} okText={t('devices.addOk')} onClose={() => setAdding(false)} onSubmit={onAdd}>
          <Form.Item name="name" label={t('devices.name')} extra={t('devices.nameHelp')}>
            <Input maxLength={40} placeholder={t('devices.namePlaceholder')} />
          </Form.Item>
        </FormModal>
      ) : null}
      {token ? <DeviceTokenModal result={token.result} rotated={token.rotated} onClose={() => setToken(null)} /> : null}
    </Card>
  );
}
