import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Input, Progress, Radio, Space, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ScoreInput, ScoreSheet } from '@shared/research-rubrics-types';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import type { LessonToolContext } from '../lesson-tools';
import { getScoreSheet, saveScores } from '../api/rubrics.api';

type Entry = { score: number | null; note: string };
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

function entriesOf(sheet: ScoreSheet): Record<string, Entry> {
  return Object.fromEntries(sheet.scores.map((s) => [s.itemKey, { score: s.score, note: s.note }]));
}

/**
 * The rubric beside the player (a lesson tool, inside an activity only): every item with its
 * levels and their descriptors as radio buttons, a note per item, saved as the observer goes —
 * a level at once, a note when the field is left. Saves go one after another, so a quick second
 * click never lands before the first.
 */
export function RubricScoring({ ctx }: { ctx: LessonToolContext }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const activity = ctx.activity;
  const sheet = useApi(
    (signal) => (activity && activity.rubricId !== null ? getScoreSheet(activity.id, ctx.recordingId, signal) : Promise.resolve(null)),
    [activity?.id, activity?.rubricId, ctx.recordingId],
  );
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** The notes as last saved, so leaving an unchanged note sends nothing. */
  const savedNotes = useRef<Record<string, string>>({});

  useEffect(() => {
    if (!sheet.data) return;
    setEntries(entriesOf(sheet.data));
    savedNotes.current = Object.fromEntries(sheet.data.scores.map((s) => [s.itemKey, s.note]));
  }, [sheet.data]);

  if (!activity || activity.rubricId === null) return <Alert type="info" showIcon title={t('researchRubrics.noRubric')} />;
  if (sheet.error) return <ErrorAlert error={sheet.error} onRetry={sheet.reload} />;
  const data = sheet.data;
  if (!data) return <FullPageSpin height={200} />;

  const activityId = activity.id;
  const items = data.rubric.definition.dimensions.flatMap((d) => d.items);
  const canScore = data.reviewsOpen && !data.ownLesson;
  const done = items.filter((i) => entries[i.key]?.score !== null && entries[i.key]?.score !== undefined).length;
  const max = items.reduce((sum, i) => sum + i.weight * Math.max(...i.levels.map((l) => l.score)), 0);
  const total = done === items.length ? items.reduce((sum, i) => sum + i.weight * (entries[i.key]!.score ?? 0), 0) : null;

  function save(item: ScoreInput) {
    setState({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      try {
        const saved = await saveScores(activityId, ctx.recordingId, [item]);
        // The server's word on this item; the others keep what the observer has typed since.
        const mine = saved.scores.find((s) => s.itemKey === item.itemKey);
        savedNotes.current[item.itemKey] = mine?.note ?? '';
        setEntries((prev) => ({ ...prev, [item.itemKey]: mine ? { score: mine.score, note: mine.note } : { score: null, note: prev[item.itemKey]?.note ?? '' } }));
        setState({ kind: 'saved' });
      } catch (error) {
        setState({ kind: 'failed', error });
      }
    });
  }

  function choose(itemKey: string, score: number | null) {
    const note = entries[itemKey]?.note ?? '';
    setEntries((prev) => ({ ...prev, [itemKey]: { score, note } }));
    save(score === null ? { itemKey, score: null } : { itemKey, score, note });
  }

  function leaveNote(itemKey: string) {
    const entry = entries[itemKey];
    if (entry?.score === null || entry?.score === undefined || entry.note === (savedNotes.current[itemKey] ?? '')) return;
    save({ itemKey, score: entry.score, note: entry.note });
  }

  return (
    <Flex vertical gap={12} data-testid="rubric-scoring">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{data.rubric.name}</Typography.Text>
        <Typography.Text type="secondary" data-testid="rubric-save-state">
          {state.kind === 'saving' ? <><LoadingOutlined /> {t('researchRubrics.saving')}</> : null}
          {state.kind === 'saved' ? <><CheckCircleOutlined style={{ color: '#52c41a' }} /> {t('researchRubrics.saved')}</> : null}
          {state.kind === 'failed' ? <Typography.Text type="danger"><ExclamationCircleOutlined /> {t('researchRubrics.saveFailed')}：{errorText(state.error)}</Typography.Text> : null}
        </Typography.Text>
      </Flex>
      {data.ownLesson ? <Alert type="info" showIcon title={t('researchRubrics.ownLesson')} /> : null}
      {!data.reviewsOpen ? (
        <Alert type="warning" showIcon title={t('researchRubrics.closed')}
          description={data.closedCode ? errorText(new ApiError(409, data.closedCode, data.closedMessage ?? '')) : null} />
      ) : null}
      <Flex align="center" gap={12}>
        <Progress percent={items.length ? Math.round((done / items.length) * 100) : 0} size="small" style={{ flex: 1, margin: 0 }} />
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('researchRubrics.progress', { done, total: items.length })}</Typography.Text>
      </Flex>
      {total !== null ? <Typography.Text data-testid="rubric-my-total">{t('researchRubrics.myTotal', { total: Math.round(total * 100) / 100, max })}</Typography.Text> : null}
      {data.rubric.definition.dimensions.map((dimension) => (
        <Flex key={dimension.key} vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>{dimension.name}</Typography.Title>
          {dimension.items.map((item) => {
            const entry = entries[item.key];
            return (
              <Flex key={item.key} vertical gap={4} style={{ padding: '8px 10px', border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid={`rubric-item-${item.key}`}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{item.text}</Typography.Text>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('researchRubrics.weight')} {item.weight}</Typography.Text>
                </Flex>
                <Radio.Group
                  value={entry?.score ?? null}
                  disabled={!canScore}
                  onChange={(e) => choose(item.key, e.target.value as number)}
                >
                  <Space orientation="vertical" size={2}>
                    {item.levels.map((level) => (
                      <Radio key={level.score} value={level.score} data-testid={`rubric-level-${item.key}-${level.score}`}>
                        <Typography.Text strong>{level.label}（{level.score}）</Typography.Text>
                        {level.descriptor ? <Typography.Text type="secondary"> {level.descriptor}</Typography.Text> : null}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
                <Flex gap={6} align="center">
                  <Input
                    size="small"
                    maxLength={500}
                    placeholder={t('researchRubrics.notePlaceholder')}
                    disabled={!canScore}
                    value={entry?.note ?? ''}
                    onChange={(e) => setEntries((prev) => ({ ...prev, [item.key]: { score: prev[item.key]?.score ?? null, note: e.target.value } }))}
                    onBlur={() => leaveNote(item.key)}
                  />
                  {canScore && entry?.score !== null && entry?.score !== undefined ? (
                    <Button size="small" type="text" onClick={() => choose(item.key, null)}>{t('researchRubrics.clear')}</Button>
                  ) : null}
                </Flex>
              </Flex>
            );
          })}
        </Flex>
      ))}
    </Flex>
  );
}
