import { Badge, Button, List, Popup, Empty, ErrorBlock } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../../api/use-api';
import { useMessagesT } from './use-messages-t';
import { contacts, conversations, startDirect } from '../../../features/messages/api/messages.api';

/**
 * 消息: the parent's conversations, latest first — one per teacher and child, labelled
 * "一年级(1)班 王小明", and the class's — with unread badges, and a way to write to a teacher.
 */
export default function ConversationsPage() {
  const t = useMessagesT();
  const navigate = useNavigate();
  const list = useApi((signal) => conversations({}, signal), []);
  const [picking, setPicking] = useState(false);
  const people = useApi(async (signal) => (picking ? contacts(signal) : undefined), [picking]);

  async function open(studentId: number, userId: number) {
    const { id } = await startDirect(studentId, userId);
    setPicking(false);
    navigate(`/messages/${id}`);
  }

  return (
    <div style={{ minHeight: '100%' }}>
      <List header={t('messages.title')}>
        {list.data?.items.map((c) => (
          <List.Item
            key={c.id}
            onClick={() => navigate(`/messages/${c.id}`)}
            extra={c.unread > 0 ? <Badge content={c.unread > 99 ? '99+' : c.unread} /> : null}
            description={c.lastMessage ? `${c.lastMessage.senderName}：${c.lastMessage.body}` : t('messages.noMessagesYet')}
          >
            {c.kind === 'class' ? t('messages.classLabel', { label: c.label }) : `${c.label} · ${c.staff?.name ?? ''}`}
          </List.Item>
        ))}
      </List>
      {list.error ? <ErrorBlock status="default" title={t('messages.loadFailed')} description="" /> : null}
      {list.data && list.data.items.length === 0 ? <Empty description={t('messages.empty')} /> : null}
      <div style={{ padding: 16 }}>
        <Button block color="primary" onClick={() => setPicking(true)}>{t('messages.writeToTeacher')}</Button>
      </div>
      <Popup visible={picking} onMaskClick={() => setPicking(false)} bodyStyle={{ maxHeight: '70vh', overflowY: 'auto' }}>
        {people.data?.items.map((item) => (
          <List key={item.child.id} header={item.child.label}>
            {item.people.map((p) => (
              <List.Item key={p.userId} description={p.note} onClick={() => void open(item.child.id, p.userId)}>{p.name}</List.Item>
            ))}
          </List>
        ))}
        {people.data && people.data.items.length === 0 ? <Empty description={t('messages.noChildren')} /> : null}
      </Popup>
    </div>
  );
}
