import { useState } from 'react';
import { App, Button, Flex, Input, Radio, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Patrol } from '@shared/patrol-api-types';
import { PATROL_ITEMS, PATROL_NOTE_MAX, type PatrolScores, patrolScore } from '@shared/patrol-form';
import { useErrorText } from '../../../api/error-text';
import { savePatrol } from '../api/patrol.api';

/** PATROL_SCORE_MIN to PATROL_SCORE_MAX, each with its word (patrol.scale.<word>). */
const SCALE = [
  { value: 1, word: 'poor' }, { value: 2, word: 'weak' }, { value: 3, word: 'fair' }, { value: 4, word: 'good' }, { value: 5, word: 'excellent' },
] as const;

/**
 * The patrol form beside the player: each item of the shared form (shared/patrol-form.ts) scored
 * 1–5 and a note. Saving again the same day corrects the person's patrol.
 */
export function PatrolForm({ recordingId, mine, onSaved }: { recordingId: number; mine: Patrol | null; onSaved: (saved: Patrol) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [scores, setScores] = useState<Partial<PatrolScores>>(mine?.scores ?? {});
  const [note, setNote] = useState(mine?.note ?? '');
  const [saving, setSaving] = useState(false);
  const complete = PATROL_ITEMS.every((item) => scores[item] !== undefined);

  async function save() {
    if (!complete) return;
    setSaving(true);
    try {
      const saved = await savePatrol(recordingId, { scores: scores as PatrolScores, note });
      void message.success(t('patrol.lesson.saved'));
      onSaved(saved);
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12} data-testid="patrol-form">
      <Typography.Text type="secondary">{t('patrol.lesson.formHelp')}</Typography.Text>
      {PATROL_ITEMS.map((item) => (
        <Flex key={item} vertical gap={4}>
          <Typography.Text strong>{t(`patrol.items.${item}`)}</Typography.Text>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={scores[item]}
            onChange={(event) => setScores((prev) => ({ ...prev, [item]: event.target.value as number }))}
            data-testid={`patrol-item-${item}`}
            aria-label={t(`patrol.items.${item}`)}
          >
            {SCALE.map(({ value, word }) => (
              <Tooltip key={value} title={t(`patrol.scale.${word}`)}>
                <Radio.Button value={value}>{value}</Radio.Button>
              </Tooltip>
            ))}
          </Radio.Group>
        </Flex>
      ))}
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('patrol.lesson.note')}</Typography.Text>
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={PATROL_NOTE_MAX}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('patrol.lesson.notePlaceholder')}
          data-testid="patrol-note"
        />
      </Flex>
      <Flex align="center" justify="space-between" gap={8}>
        <Typography.Text type="secondary" data-testid="patrol-score">
          {complete ? t('patrol.lesson.scoreLine', { score: patrolScore(scores as PatrolScores) }) : ''}
        </Typography.Text>
        <Button type="primary" disabled={!complete} loading={saving} onClick={() => void save()} data-testid="patrol-save">
          {mine ? t('patrol.lesson.update') : t('patrol.lesson.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
