import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { AudioOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StAudioAgreement, StAudioDraft as Draft } from '@shared/research-st-audio-types';
import { useErrorText } from '../../../../api/error-text';
import { useApi } from '../../../../api/use-api';
import { can } from '../../../../app/access';
import { useMe } from '../../../../app/auth';
import { ErrorAlert } from '../../../../app/components/ErrorAlert';
import { formatDuration } from '../../../recordings/components/RecordingState';
import { getStAudioDraft, requestStAudioDraft } from '../../api/st-audio.api';
import type { LessonToolContext } from '../../lesson-tools';
import type { StDraftPanelProps } from '../st/st-draft-slot';

const POLL_MS = 3_000;
/** Intervals offered besides the activity's own (the S-T method's usual 30 s among them). */
const INTERVALS = [10, 15, 20, 30, 60, 120];
const COLORS: Record<string, string> = { T: '#1677ff', S: '#52c41a', '-': '#d9d9d9' };
const STATE_COLORS: Record<Draft['state'], string> = { none: 'default', queued: 'processing', done: 'success', unavailable: 'warning', failed: 'error' };

/**
 * Cohen's kappa in words, by Landis & Koch's bands (Biometrics 33, 1977): above 0.8 almost
 * perfect, 0.6–0.8 substantial, 0.4–0.6 moderate, below that slight to fair.
 */
function kappaLevel(kappa: number): 'high' | 'good' | 'fair' | 'low' {
  if (kappa >= 0.8) return 'high';
  if (kappa >= 0.6) return 'good';
  if (kappa >= 0.4) return 'fair';
  return 'low';
}

/**
 * The automatic S-T draft of a lesson from its audio: its state (queued, unavailable with the
 * reason, failed, done), the strip of T / S / - cells (a click seeks the player to the interval),
 * the request button, and the agreement with each human coding the viewer may see. It sits in
 * the S-T coding tool (st-draft-slot.ts), which fixes the interval to its own (`intervalSeconds`).
 */
export function StAudioDraft({ ctx, intervalSeconds: fixed, refreshKey = '' }: {
  ctx: LessonToolContext;
  intervalSeconds?: number;
  /** Changes when the human codings beside it change (the S-T tool saves as one codes), to read the agreement again. */
  refreshKey?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const activityId = ctx.activity?.id ?? null;
  const [chosen, setChosen] = useState<number>(fixed ?? ctx.activity?.stIntervalSeconds ?? 30);
  const intervalSeconds = fixed ?? chosen;
  const { data, error, reload } = useApi(
    (signal) => getStAudioDraft(ctx.recordingId, { activityId, intervalSeconds }, signal),
    [ctx.recordingId, activityId, intervalSeconds, refreshKey],
  );
  const [asking, setAsking] = useState(false);
  const mayRequest = can(me, 'research:write');

  useEffect(() => {
    if (data?.state !== 'queued') return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [data?.state, reload]);

  async function ask(at: number = intervalSeconds) {
    setAsking(true);
    try {
      await requestStAudioDraft(ctx.recordingId, { activityId, intervalSeconds: at });
      void message.success(t('researchStAudio.requested'));
      if (at === intervalSeconds) reload();
      else setChosen(at);
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setAsking(false);
    }
  }

  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  const offered = [...new Set([...INTERVALS, ctx.activity?.stIntervalSeconds ?? 30, intervalSeconds])].sort((a, b) => a - b);
  const reasonText = (code: string | null, fallback: string | null) =>
    code ? t(`researchStAudio.reasons.${code}`, { defaultValue: fallback ?? code }) : fallback ?? '';

  return (
    <Flex vertical gap={12} data-testid="st-audio-draft" data-state={data?.state ?? 'loading'}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong><AudioOutlined /> {t('researchStAudio.title')}</Typography.Text>
        {data ? <Tag color={STATE_COLORS[data.state]} data-testid="st-audio-state">{t(`researchStAudio.states.${data.state}`)}</Tag> : null}
        {fixed === undefined ? (
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{t('researchStAudio.interval')}</Typography.Text>
            <Select
              size="small"
              value={intervalSeconds}
              onChange={setChosen}
              style={{ width: 96 }}
              options={offered.map((s) => ({ value: s, label: t('researchStAudio.seconds', { count: s }) }))}
              data-testid="st-audio-interval"
            />
          </Flex>
        ) : null}
        {mayRequest && data && data.state !== 'queued' && data.state !== 'done' ? (
          <Button size="small" type="primary" icon={data.state === 'none' ? <AudioOutlined /> : <ReloadOutlined />} loading={asking} onClick={() => void ask()} data-testid="st-audio-request">
            {data.state === 'none' ? t('researchStAudio.request') : t('researchStAudio.requestAgain')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchStAudio.help')}</Typography.Text>

      {data?.state === 'queued' ? <Alert type="info" showIcon title={t('researchStAudio.queuedHelp')} /> : null}
      {data && (data.state === 'unavailable' || data.state === 'failed') ? (
        <Alert
          type={data.state === 'failed' ? 'error' : 'warning'}
          showIcon
          title={reasonText(data.reasonCode, data.reasonMessage)}
          description={data.reasonCode === 'ST_AUDIO_NOT_READY' || data.state === 'failed' ? undefined : t('researchStAudio.manualOnly')}
          data-testid="st-audio-reason"
        />
      ) : null}
      {data?.state === 'done' && data.codes ? <DraftStrip draft={data} seek={(ms) => ctx.player?.seekLessonMs(ms)} /> : null}

      {data ? <Agreements draft={data} mayRequest={mayRequest} onUseInterval={(s) => void ask(s)} /> : null}
    </Flex>
  );
}

/** The draft as a panel of the S-T coding tool (its ST_DRAFT_PANELS): at the tool's interval, read again as codings are saved. */
export function StAudioDraftPanel({ ctx, codings, intervalSeconds }: StDraftPanelProps) {
  const refreshKey = codings.map((c) => `${c.id}:${c.updatedAt}`).join(',');
  return <StAudioDraft ctx={ctx} intervalSeconds={intervalSeconds} refreshKey={refreshKey} />;
}

function DraftStrip({ draft, seek }: { draft: Draft; seek: (ms: number) => void }) {
  const { t } = useTranslation();
  const codes = [...draft.codes!] as ('T' | 'S' | '-')[];
  const step = draft.intervalSeconds;
  const decided = codes.filter((c) => c !== '-').length;
  const teacher = codes.filter((c) => c === 'T').length;
  const detail = draft.detail;
  const percent = (x: number) => Math.round(x * 100);
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={2} data-testid="st-audio-strip">
        {codes.map((code, i) => {
          const text = t('researchStAudio.cell', {
            from: formatDuration(i * step), to: formatDuration((i + 1) * step), code: `${code} ${t(`researchStAudio.codes.${code}`)}`,
          });
          return (
            <Tooltip key={i} title={text}>
              <button
                type="button"
                aria-label={text}
                onClick={() => seek(i * step * 1000)}
                data-code={code}
                style={{
                  width: 14, height: 24, padding: 0, border: 0, borderRadius: 2, cursor: 'pointer', background: COLORS[code],
                  color: code === '-' ? '#595959' : '#fff', fontSize: 9, lineHeight: '24px',
                }}
              >
                {code}
              </button>
            </Tooltip>
          );
        })}
      </Flex>
      <Flex gap={12} wrap>
        {(['T', 'S', '-'] as const).map((code) => (
          <Flex key={code} gap={4} align="center">
            <span style={{ width: 10, height: 10, borderRadius: 2, background: COLORS[code], display: 'inline-block' }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{code} {t(`researchStAudio.codes.${code}`)}</Typography.Text>
          </Flex>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchStAudio.legend')}</Typography.Text>
      </Flex>
      {detail ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="st-audio-detail">
          {detail.source === 'tracks'
            ? t('researchStAudio.source.tracks')
            : t('researchStAudio.source.channels', {
              side: t(`researchStAudio.source.${detail.teacher.channel ?? 'left'}`),
              how: t(`researchStAudio.source.${detail.teacherChosenBy === 'snr' ? 'snr' : 'convention'}`),
            })}
          {' · '}
          {t('researchStAudio.shares', { teacher: percent(detail.shares.teacher), students: percent(detail.shares.students), silence: percent(detail.shares.silence) })}
          {decided ? ` · ${t('researchStAudio.rt', { value: (teacher / decided).toFixed(2) })}` : ''}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Agreements({ draft, mayRequest, onUseInterval }: { draft: Draft; mayRequest: boolean; onUseInterval: (seconds: number) => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} data-testid="st-audio-agreements">
      <Typography.Text strong>{t('researchStAudio.agreement')}</Typography.Text>
      {draft.agreements.length === 0 ? <Typography.Text type="secondary">{t('researchStAudio.noCodings')}</Typography.Text> : null}
      {draft.agreements.map((a) => <AgreementRow key={a.codingId} a={a} draft={draft} mayRequest={mayRequest} onUseInterval={onUseInterval} />)}
    </Flex>
  );
}

function AgreementRow({ a, draft, mayRequest, onUseInterval }: { a: StAudioAgreement; draft: Draft; mayRequest: boolean; onUseInterval: (seconds: number) => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap data-testid="st-audio-agreement" data-coding-id={a.codingId}>
      <Typography.Text>{a.coderName}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchStAudio.seconds', { count: a.intervalSeconds })}</Typography.Text>
      {!a.comparable ? (
        a.intervalSeconds !== draft.intervalSeconds ? (
          <>
            <Typography.Text type="secondary">{t('researchStAudio.otherInterval', { count: a.intervalSeconds })}</Typography.Text>
            {mayRequest ? <Button size="small" type="link" onClick={() => onUseInterval(a.intervalSeconds)}>{t('researchStAudio.useInterval', { count: a.intervalSeconds })}</Button> : null}
          </>
        ) : <Typography.Text type="secondary">—</Typography.Text>
      ) : a.kappa === null ? (
        <Typography.Text type="secondary">{t('researchStAudio.kappaNone')}</Typography.Text>
      ) : (
        <>
          <Tag color={{ high: 'green', good: 'blue', fair: 'gold', low: 'red' }[kappaLevel(a.kappa)]}>
            {t('researchStAudio.kappa', { value: a.kappa.toFixed(2) })} · {t(`researchStAudio.levels.${kappaLevel(a.kappa)}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchStAudio.compared', { items: a.items, intervals: a.intervals })}</Typography.Text>
        </>
      )}
    </Flex>
  );
}
