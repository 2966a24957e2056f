import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LessonType, StFigures as Figures } from '@shared/st-analysis';

export const TYPE_COLORS: Record<LessonType, string> = { practice: 'green', lecture: 'blue', dialogue: 'orange', mixed: 'purple' };

/** The lesson type as a coloured tag ('—' while nothing is coded). */
export function LessonTypeTag({ type }: { type: LessonType | null }) {
  const { t } = useTranslation();
  if (!type) return <Typography.Text type="secondary">{t('researchSt.none')}</Typography.Text>;
  return <Tag color={TYPE_COLORS[type]} data-type={type}>{t(`researchSt.types.${type}`)}</Tag>;
}

export const fixed2 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

/** Rt, Ch, the lesson type and the counts of one coding. */
export function StFigures({ figures, testId }: { figures: Figures; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      data-testid={testId}
      items={[
        { key: 'rt', label: t('researchSt.rt'), children: <span data-figure="rt">{fixed2(figures.rt)}</span> },
        { key: 'ch', label: t('researchSt.ch'), children: <span data-figure="ch">{fixed2(figures.ch)}</span> },
        { key: 'type', label: t('researchSt.type'), children: <LessonTypeTag type={figures.type} /> },
        { key: 'n', label: 'N', children: <span data-figure="n">{`${figures.n} · ${t('researchSt.counts', { t: figures.nT, s: figures.nS, d: figures.nD, runs: figures.runs })}`}</span> },
      ]}
    />
  );
}
