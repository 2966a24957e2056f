import { Alert, Badge, Button, Card, Empty, Input, List, Progress, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRole } from '@shared/live';
import type { LiveChannelState, LiveRoomState } from '@shared/live-interaction';
import { type ChannelProblem, useLiveChannel } from './useLiveChannel';

type Send = ReturnType<typeof useLiveChannel>['send'];

const clock = (iso: string | null) => (iso
  ? new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
  : '');

const QUESTION_MAX = 500;
const OPTIONS_MAX = 6;

/**
 * The interaction panel of a session page. Receiving rooms raise and lower a hand, ask questions
 * and answer the open poll; the lead teacher sees every room (connected, hand, join time), calls a
 * room on stage, reads questions and runs polls with results per room; everyone sees attendance.
 * `onStage` tells the session page which receiving room to unmute on the lead's media stage.
 */
export function InteractionPanel({ sessionId, role, roomId, onStage }: {
  sessionId: number; role: LiveRole; roomId: number | null; onStage?: (roomId: number | null) => void;
}) {
  const { t } = useTranslation();
  const channel = useLiveChannel(sessionId, role === 'watcher' ? null : roomId, onStage);
  const { state, connection, problem, send } = channel;
  const live = state?.status === 'live';
  return (
    <Card size="small" title={t('liveInteraction.title')} extra={<ConnectionTag connection={connection} />} data-testid="interaction-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {state && !live && <Alert type="info" showIcon message={t('liveInteraction.readOnly')} />}
        {problem && <ProblemAlert problem={problem} onClose={channel.clearProblem} />}
        {state && role === 'receiving' && roomId !== null && <ReceivingControls state={state} roomId={roomId} send={send} live={live} />}
        {state && role === 'lead' && <LeadControls state={state} send={send} live={live} />}
        {state && role !== 'lead' && <RoomsTable state={state} />}
        {state && role !== 'lead' && <QuestionsList state={state} />}
      </Space>
    </Card>
  );
}

function ConnectionTag({ connection }: { connection: 'connecting' | 'open' | 'reconnecting' }) {
  const { t } = useTranslation();
  const color = connection === 'open' ? 'green' : connection === 'reconnecting' ? 'orange' : 'default';
  return <Tag color={color} data-testid="interaction-connection">{t(`liveInteraction.connection.${connection}`)}</Tag>;
}

function ProblemAlert({ problem, onClose }: { problem: ChannelProblem; onClose: () => void }) {
  const { t } = useTranslation();
  const text = t(`liveInteraction.errors.${problem.code}`, { defaultValue: problem.message, field: problem.field ?? '' });
  return <Alert type="warning" showIcon closable onClose={onClose} message={text} data-testid="interaction-problem" />;
}

function ReceivingControls({ state, roomId, send, live }: { state: LiveChannelState; roomId: number; send: Send; live: boolean }) {
  const { t } = useTranslation();
  const me = state.rooms.find((r) => r.roomId === roomId);
  const onStage = state.stage === roomId;
  const [question, setQuestion] = useState('');
  const ask = () => {
    const text = question.trim();
    if (!text) return;
    send({ type: 'question', text });
    setQuestion('');
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {onStage && <Alert type="success" showIcon message={t('liveInteraction.youAreOnStage')} data-testid="interaction-on-stage" />}
      <Space>
        {me?.hand
          ? <Button size="large" onClick={() => send({ type: 'hand.lower' })} disabled={!live} data-testid="hand-lower">{t('liveInteraction.lowerHand')}</Button>
          : <Button size="large" type="primary" onClick={() => send({ type: 'hand.raise' })} disabled={!live || onStage} data-testid="hand-raise">{t('liveInteraction.raiseHand')}</Button>}
        {me?.hand && <Tag color="gold">{t('liveInteraction.handUp')} {clock(me.handAt)}</Tag>}
      </Space>
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea
          value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={QUESTION_MAX} autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t('liveInteraction.askPlaceholder')} disabled={!live} data-testid="question-input"
        />
        <Button onClick={ask} disabled={!live || !question.trim()} data-testid="question-send">{t('liveInteraction.send')}</Button>
      </Space.Compact>
      <PollAnswer state={state} roomId={roomId} send={send} live={live} />
    </Space>
  );
}

function PollAnswer({ state, roomId, send, live }: { state: LiveChannelState; roomId: number; send: Send; live: boolean }) {
  const { t } = useTranslation();
  const poll = state.poll;
  const mine = poll?.answers.find((a) => a.roomId === roomId)?.option;
  const [choice, setChoice] = useState<number | undefined>(undefined);
  if (!poll) return null;
  return (
    <Card size="small" type="inner" title={`${t('liveInteraction.pollTitle')}：${poll.question}`} data-testid="poll-answer">
      {!poll.open && <Typography.Text type="secondary">{t('liveInteraction.pollClosed')}</Typography.Text>}
      <Radio.Group value={choice ?? mine} onChange={(e) => setChoice(e.target.value as number)} disabled={!poll.open || !live}>
        <Space direction="vertical">
          {poll.options.map((o, i) => <Radio key={i} value={i}>{o}</Radio>)}
        </Space>
      </Radio.Group>
      <div style={{ marginTop: 8 }}>
        <Space>
          <Button type="primary" disabled={!poll.open || !live || choice === undefined}
            onClick={() => { if (choice !== undefined) send({ type: 'poll.answer', pollId: poll.id, option: choice }); }} data-testid="poll-submit">
            {t('liveInteraction.pollAnswer')}
          </Button>
          {mine !== undefined && <Typography.Text>{t('liveInteraction.pollYourAnswer', { option: poll.options[mine] })}</Typography.Text>}
        </Space>
      </div>
    </Card>
  );
}

function LeadControls({ state, send, live }: { state: LiveChannelState; send: Send; live: boolean }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <RoomsTable state={state} actions={{ send, live }} />
      <QuestionsList state={state} />
      <PollRunner state={state} send={send} live={live} />
    </Space>
  );
}

/** Every room of the class: connected, join time, drops, hand; the lead calls a room on stage from here. */
function RoomsTable({ state, actions }: { state: LiveChannelState; actions?: { send: Send; live: boolean } }) {
  const { t } = useTranslation();
  const columns = [
    {
      key: 'room', title: t('liveInteraction.rooms'),
      render: (_: unknown, r: LiveRoomState) => (
        <Space>
          <span>{r.roomName}</span>
          {r.lead && <Tag>{t('liveInteraction.leadRoom')}</Tag>}
          {state.stage === r.roomId && <Tag color="green">{t('liveInteraction.onStage')}</Tag>}
        </Space>
      ),
    },
    { key: 'school', title: t('liveInteraction.school'), dataIndex: 'schoolName' },
    {
      key: 'status', title: t('liveInteraction.status'),
      render: (_: unknown, r: LiveRoomState) => (r.connected
        ? <Badge status="success" text={t('liveInteraction.connected')} />
        : <Badge status="default" text={r.joinedAt ? t('liveInteraction.offline') : t('liveInteraction.neverJoined')} />),
    },
    { key: 'joinedAt', title: t('liveInteraction.joinedAt'), render: (_: unknown, r: LiveRoomState) => clock(r.joinedAt) },
    { key: 'drops', title: t('liveInteraction.drops'), dataIndex: 'drops' },
    {
      key: 'hand', title: t('liveInteraction.hand'),
      render: (_: unknown, r: LiveRoomState) => (r.hand ? <Tag color="gold">{t('liveInteraction.handUp')} {clock(r.handAt)}</Tag> : null),
    },
    ...(actions ? [{
      key: 'actions', title: '',
      render: (_: unknown, r: LiveRoomState) => {
        if (r.lead) return null;
        return state.stage === r.roomId
          ? <Button size="small" onClick={() => actions.send({ type: 'hand.dismiss' })} disabled={!actions.live} data-testid={`dismiss-${r.roomId}`}>{t('liveInteraction.dismiss')}</Button>
          : <Button size="small" type={r.hand ? 'primary' : 'default'} onClick={() => actions.send({ type: 'hand.call', roomId: r.roomId })}
              disabled={!actions.live} data-testid={`call-${r.roomId}`}>{t('liveInteraction.callOn')}</Button>;
      },
    }] : []),
  ];
  return (
    <Table<LiveRoomState> size="small" rowKey="roomId" pagination={false} columns={columns} dataSource={state.rooms}
      title={() => t('liveInteraction.attendance')} data-testid="interaction-rooms" />
  );
}

function QuestionsList({ state }: { state: LiveChannelState }) {
  const { t } = useTranslation();
  const names = new Map(state.rooms.map((r) => [r.roomId, `${r.schoolName} ${r.roomName}`]));
  return (
    <List size="small" header={t('liveInteraction.questions')} data-testid="interaction-questions"
      locale={{ emptyText: t('liveInteraction.noQuestions') }}
      dataSource={[...state.questions].reverse()}
      renderItem={(q) => (
        <List.Item data-testid="interaction-question" data-room-id={q.roomId ?? ''}>
          <List.Item.Meta title={<Space><span>{q.roomId !== null ? names.get(q.roomId) : ''}</span><Typography.Text type="secondary">{clock(q.at)}</Typography.Text></Space>} description={q.text} />
        </List.Item>
      )}
    />
  );
}

/** The lead's poll: write a question and 2–6 options, open it, watch each room's answer, close it. */
function PollRunner({ state, send, live }: { state: LiveChannelState; send: Send; live: boolean }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const poll = state.poll;
  const receiving = state.rooms.filter((r) => !r.lead);
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const open = () => {
    send({ type: 'poll.open', question: question.trim(), options: filled });
    setQuestion('');
    setOptions(['', '']);
  };
  return (
    <Card size="small" type="inner" title={t('liveInteraction.pollTitle')} data-testid="poll-runner">
      {poll ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Typography.Text strong>{poll.question}</Typography.Text>
            {poll.open
              ? <Button size="small" danger onClick={() => send({ type: 'poll.close', pollId: poll.id })} disabled={!live} data-testid="poll-close">{t('liveInteraction.closePoll')}</Button>
              : <Tag>{t('liveInteraction.pollClosed')}</Tag>}
          </Space>
          {poll.options.map((o, i) => (
            <div key={i}>
              <span>{o}</span>
              <Progress percent={receiving.length ? Math.round((100 * (poll.counts[i] ?? 0)) / receiving.length) : 0}
                format={() => t('liveInteraction.roomsAnswered', { count: poll.counts[i] ?? 0 })} />
            </div>
          ))}
          <Typography.Text type="secondary">{t('liveInteraction.results')}</Typography.Text>
          <List size="small" dataSource={receiving} data-testid="poll-results" renderItem={(r) => {
            const a = poll.answers.find((x) => x.roomId === r.roomId);
            return <List.Item data-testid="poll-result" data-room-id={r.roomId}>{r.schoolName} {r.roomName}：{a ? poll.options[a.option] : t('liveInteraction.notAnswered')}</List.Item>;
          }} />
        </Space>
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveInteraction.pollNone')} />}
      {!poll?.open && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text strong>{t('liveInteraction.newPoll')}</Typography.Text>
          <Input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={200} placeholder={t('liveInteraction.pollQuestion')} data-testid="poll-question" />
          {options.map((o, i) => (
            <Input key={i} value={o} maxLength={100} placeholder={t('liveInteraction.pollOption', { n: i + 1 })} data-testid={`poll-option-${i}`}
              onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} />
          ))}
          <Space>
            {options.length < OPTIONS_MAX && <Button onClick={() => setOptions([...options, ''])}>{t('liveInteraction.addOption')}</Button>}
            <Button type="primary" onClick={open} disabled={!live || !question.trim() || filled.length < 2} data-testid="poll-open">{t('liveInteraction.openPoll')}</Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
