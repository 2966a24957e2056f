import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Divider, Flex, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StCoding as Coding, StLessonCodings } from '@shared/research-st-types';
import { analyseCodes, maxSamples, sampleIndexAt, stCurve, UNCODED } from '@shared/st-analysis';
import { useErrorText } from '../../../../api/error-text';
import { useApi } from '../../../../api/use-api';
import { ErrorAlert } from '../../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../../app/components/FullPageSpin';
import { formatInstant } from '../../../../app/time';
import { deleteStCoding, listStCodings, saveStCoding } from '../../api/st.api';
import type { LessonToolContext } from '../../lesson-tools';
import { type Code, CodeStrip } from './CodeStrip';
import { OtherCodings } from './OtherCodings';
import { CODE_COLORS } from './st-chart-options';
import { ST_DRAFT_PANELS } from './st-draft-slot';
import { StFigures } from './StFigures';
import { behaviourKey } from './st-keys';
import { useStSampler } from './use-st-sampler';

const StCharts = lazy(() => import('./StCharts'));

const BEHAVIOURS = ['T', 'S', 'D'] as const;
type Behaviour = (typeof BEHAVIOURS)[number];
const INTERVALS = [10, 15, 20, 30, 45, 60, 90, 120];
/** Saved this long after the last change (a burst of samples and clicks is one save). */
const SAVE_AFTER_MS = 1200;
/** A behaviour chosen this soon after a boundary still codes that boundary's sample, if it was left uncoded. */
const LATE_KEY_MS = 3000;

/** `codes` with each of `indexes` set to `code`, padded with '-' as far as needed. */
function withCodes(codes: string, indexes: readonly number[], code: Code): string {
  const chars = [...codes];
  for (const i of indexes) {
    while (chars.length <= i) chars.push(UNCODED);
    chars[i] = code;
  }
  return chars.join('').replace(/-+$/, '');
}

/**
 * S-T coding (S-T 分析) beside a lesson's player: loads the codings the viewer may see (in the
 * activity, or outside any), then the coder below takes over the viewer's own coding.
 */
export function StCoding({ ctx }: { ctx: LessonToolContext }) {
  const activityId = ctx.activity?.id ?? null;
  const { data, error, reload } = useApi((signal) => listStCodings(ctx.recordingId, activityId, signal), [ctx.recordingId, activityId]);
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={160} />;
  return <StCoder key={`${ctx.recordingId}:${activityId}`} ctx={ctx} data={data} reload={reload} />;
}

function StCoder({ ctx, data, reload }: { ctx: LessonToolContext; data: StLessonCodings; reload: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const own = data.codings.find((c) => c.mine);
  const [codes, setCodes] = useState(own?.codes ?? '');
  const [intervalSeconds, setIntervalSeconds] = useState(data.intervalSeconds);
  const [behaviour, setBehaviour] = useState<Behaviour | null>(null);
  const [ownId, setOwnId] = useState<number | null>(own?.id ?? null);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(own?.updatedAt ?? null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [closed, setClosed] = useState(false);
  const mayCode = data.canCode && !closed;
  const { player } = ctx;
  const duration = ctx.lesson.durationSeconds ?? data.durationSeconds;
  const max = maxSamples(duration, intervalSeconds);

  // The latest values for the save that runs later (and the one on leaving).
  const latest = useRef({ codes, intervalSeconds, version });
  latest.current = { codes, intervalSeconds, version };
  const savedVersion = useRef(0);

  const change = useCallback((update: (before: string) => string) => {
    setCodes((before) => update(before));
    setVersion((v) => v + 1);
  }, []);

  const save = useCallback(async () => {
    const { codes: now, intervalSeconds: every, version: v } = latest.current;
    setSaving(true);
    try {
      const saved: Coding = await saveStCoding({
        recordingId: ctx.recordingId, activityId: data.activityId, codes: now,
        ...(data.intervalFixed ? {} : { intervalSeconds: every }),
      });
      savedVersion.current = Math.max(savedVersion.current, v);
      setOwnId(saved.id);
      setSavedAt(saved.updatedAt);
      setSaveError(null);
      reload();
    } catch (reason) {
      setSaveError(reason);
      if ((reason as { status?: number }).status === 409) setClosed(true);
    } finally {
      setSaving(false);
    }
  }, [ctx.recordingId, data.activityId, data.intervalFixed, reload]);

  useEffect(() => {
    if (version === savedVersion.current || !mayCode) return;
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [version, save, mayCode]);
  // Leaving the lesson with changes not yet saved: save them on the way out.
  useEffect(() => () => {
    if (latest.current.version !== savedVersion.current) void save();
  }, [save]);

  const { currentIndex } = useStSampler({
    player, intervalSeconds, maxSamples: max, sampling: mayCode && behaviour !== null,
    onSample: (indexes) => { if (behaviour) change((before) => withCodes(before, indexes, behaviour)); },
  });

  const choose = useCallback((next: Behaviour) => {
    setBehaviour(next);
    if (!player || !mayCode) return;
    // Pressed a moment after a boundary the observer had not coded yet: that sample is this behaviour.
    const at = player.lessonMs();
    const index = sampleIndexAt(at, intervalSeconds);
    if (at - index * intervalSeconds * 1000 <= LATE_KEY_MS && (max === null || index < max)) {
      change((before) => ((before[index] ?? UNCODED) === UNCODED ? withCodes(before, [index], next) : before));
    }
  }, [player, mayCode, intervalSeconds, max, change]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = behaviourKey(event);
      if (!key) return;
      event.preventDefault();
      choose(key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choose]);

  function chooseInterval(next: number) {
    if (next === intervalSeconds) return;
    const apply = () => {
      setIntervalSeconds(next);
      change(() => '');
    };
    if (!codes.replace(/-/g, '')) return apply();
    modal.confirm({ title: t('researchSt.intervalChangeTitle'), content: t('researchSt.intervalChangeHelp'), onOk: apply });
  }

  async function removeMine() {
    if (ownId === null) return;
    try {
      await deleteStCoding(ownId);
      savedVersion.current = latest.current.version + 1;
      setCodes('');
      setVersion(savedVersion.current);
      setOwnId(null);
      setSavedAt(null);
      void message.success(t('researchSt.deleted'));
      reload();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const figures = useMemo(() => analyseCodes(codes), [codes]);
  const others = useMemo(() => data.codings.filter((c) => !c.mine), [data.codings]);
  const curves = useMemo(() => [
    { name: t('researchSt.mine'), points: stCurve(codes, intervalSeconds), strong: true, cursorSeconds: currentIndex === null ? null : currentIndex * intervalSeconds },
    ...others.map((c) => ({ name: c.coderName, points: stCurve(c.codes, c.intervalSeconds) })),
  ], [t, codes, intervalSeconds, currentIndex, others]);
  const rtChKey = JSON.stringify([figures.rt, figures.ch, others.map((c) => [c.coderName, c.figures.rt, c.figures.ch])]);
  const rtChPoints = useMemo(() => [
    ...(figures.rt !== null ? [{ name: t('researchSt.mine'), rt: figures.rt, ch: figures.ch! }] : []),
    ...others.filter((c) => c.figures.rt !== null).map((c) => ({ name: c.coderName, rt: c.figures.rt!, ch: c.figures.ch! })),
  ], [t, rtChKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const dirty = version !== savedVersion.current;
  const status = saving ? t('researchSt.saving')
    : saveError ? t('researchSt.saveFailed', { reason: errorText(saveError) })
      : dirty ? t('researchSt.unsaved')
        : savedAt ? t('researchSt.saved', { time: formatInstant(savedAt, 'HH:mm:ss') }) : '';

  return (
    <Flex vertical gap={12} data-testid="st-coding" data-player={player ? 'ready' : 'none'}>
      {!mayCode ? <Alert type="info" showIcon title={t('researchSt.readOnly')} /> : null}
      {mayCode && !player ? <Alert type="info" showIcon title={t('researchSt.noPlayer')} /> : null}
      <Typography.Text type="secondary">{t('researchSt.keysHelp', { seconds: intervalSeconds })}</Typography.Text>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Space wrap>
          <Typography.Text>{t('researchSt.current')}</Typography.Text>
          {BEHAVIOURS.map((b) => (
            <Button
              key={b}
              data-behaviour={b}
              aria-pressed={behaviour === b}
              disabled={!mayCode}
              title={t(`researchSt.codeHelp.${b}`)}
              onClick={() => choose(b)}
              style={behaviour === b ? { background: CODE_COLORS[b], borderColor: CODE_COLORS[b], color: '#fff' } : { borderColor: CODE_COLORS[b], color: CODE_COLORS[b] }}
            >
              {t(`researchSt.codes.${b}`)}
            </Button>
          ))}
        </Space>
        <Space wrap>
          {data.intervalFixed ? (
            <Typography.Text type="secondary">{t('researchSt.intervalFixed', { seconds: intervalSeconds })}</Typography.Text>
          ) : (
            <>
              <Typography.Text>{t('researchSt.interval')}</Typography.Text>
              <Select
                size="small"
                value={intervalSeconds}
                disabled={!mayCode}
                onChange={chooseInterval}
                options={INTERVALS.map((value) => ({ value, label: t('researchSt.seconds', { value }) }))}
                data-testid="st-interval"
                style={{ width: 96 }}
              />
            </>
          )}
          <Typography.Text type={saveError ? 'danger' : 'secondary'} data-testid="st-save-status" data-dirty={dirty}>{status}</Typography.Text>
        </Space>
      </Flex>
      <Typography.Text type="secondary">
        {t('researchSt.coded', { n: figures.n, total: max ?? codes.length })}
        {max === null ? ` · ${t('researchSt.noDuration')}` : ''}
      </Typography.Text>
      <CodeStrip
        codes={codes}
        intervalSeconds={intervalSeconds}
        length={max ?? Math.max(codes.length, (currentIndex ?? 0) + 1)}
        current={currentIndex}
        onChange={mayCode ? (index, code) => change((before) => withCodes(before, [index], code)) : undefined}
        testId="st-strip"
      />
      <StFigures figures={figures} testId="st-figures" />
      <Suspense fallback={<Spin />}>
        <StCharts curves={curves} axisMinutes={duration ? duration / 60 : undefined} points={rtChPoints} />
      </Suspense>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchSt.method')}</Typography.Text>
      {ownId !== null && mayCode ? (
        <Flex justify="flex-end">
          <Popconfirm title={t('researchSt.deleteConfirm')} okButtonProps={{ danger: true }} onConfirm={removeMine}>
            <Button size="small" danger>{t('researchSt.deleteMine')}</Button>
          </Popconfirm>
        </Flex>
      ) : null}
      <Divider titlePlacement="start" style={{ margin: '4px 0' }}>{t('researchSt.others')}</Divider>
      <OtherCodings data={data} />
      {ST_DRAFT_PANELS.length ? (
        <>
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>{t('researchSt.drafts')}</Divider>
          {ST_DRAFT_PANELS.map(({ key, Component }) => (
            <Component key={key} ctx={ctx} codings={data.codings} intervalSeconds={intervalSeconds} />
          ))}
        </>
      ) : null}
    </Flex>
  );
}
