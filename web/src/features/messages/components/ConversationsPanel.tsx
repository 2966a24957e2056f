import { useCallback, useState } from 'react';
import { Badge, Button, Card, Col, Empty, Flex, List, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { contacts, conversations, startClass, startDirect } from '../api/messages.api';
import { ConversationView } from './ConversationView';

/** A teacher's conversations by class, with unread counts; opens the class's conversation or one with a guardian. */
export function ConversationsPanel() {
  const { t } = useTranslation();
  const [classId, setClassId] = useState<number | undefined>(undefined);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useApi((signal) => conversations({ classId }, signal), [classId]);
  const people = useApi((signal) => contacts(signal), []);
  const [guardian, setGuardian] = useState<string | undefined>(undefined);
  const reload = list.reload;
  const onRead = useCallback(() => reload(), [reload]);

  async function openClass() {
    if (!classId) return;
    const { id } = await startClass(classId);
    setOpenId(id);
    list.reload();
  }

  async function openDirect() {
    if (!guardian) return;
    const [studentId, userId] = guardian.split(':').map(Number);
    const { id } = await startDirect(studentId!, userId!);
    setOpenId(id);
    setGuardian(undefined);
    list.reload();
  }

  const classes = people.data?.classes ?? [];
  const pupils = (people.data?.items ?? []).filter((i) => classId === undefined || i.child.classId === classId);
  return (
    <Row gutter={16}>
      <Col xs={24} md={9}>
        <Card variant="borderless">
          <Flex vertical gap={12}>
            <Select allowClear placeholder={t('messages.allClasses')} value={classId} onChange={setClassId} options={classes.map((k) => ({ value: k.id, label: k.name }))} />
            <Flex gap={8} wrap>
              <Button disabled={!classId} onClick={() => void openClass()}>{t('messages.openClass')}</Button>
              <Select
                showSearch optionFilterProp="label" style={{ minWidth: 220, flex: 1 }} placeholder={t('messages.pickGuardian')} value={guardian} onChange={setGuardian}
                options={pupils.flatMap((i) => i.people.map((p) => ({ value: `${i.child.id}:${p.userId}`, label: `${i.child.label} ${p.name}（${p.note}）` })))}
              />
              <Button type="primary" disabled={!guardian} onClick={() => void openDirect()}>{t('messages.write')}</Button>
            </Flex>
            {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
            <Typography.Text type="secondary">{t('messages.unreadTotal', { n: list.data?.unreadTotal ?? 0 })}</Typography.Text>
            <List
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('messages.empty')} /> }}
              renderItem={(c) => (
                <List.Item onClick={() => setOpenId(c.id)} style={{ cursor: 'pointer', background: c.id === openId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  extra={<Badge count={c.unread} />}>
                  <List.Item.Meta
                    title={c.kind === 'class' ? t('messages.classLabel', { label: c.label }) : `${c.label} · ${c.guardian?.name ?? ''}`}
                    description={c.lastMessage ? `${c.lastMessage.senderName}：${c.lastMessage.body}` : t('messages.noMessagesYet')}
                  />
                </List.Item>
              )}
            />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={15}>
        {openId ? <ConversationView id={openId} onRead={onRead} /> : <Card variant="borderless"><Empty description={t('messages.pickConversation')} /></Card>}
      </Col>
    </Row>
  );
}
