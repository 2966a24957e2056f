import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalysisTeacherRow } from '@shared/research-analysis-types';
import { type Kpi, KpiCards } from '../../../dashboards/components/KpiCards';
import { KINDS } from './analysis-charts';
import { StMix } from './AnalysisTables';

/** 我的教研: one person's figures over the period, as cards, with their lessons' S-T types. */
export function MyResearch({ row }: { row: AnalysisTeacherRow }) {
  const { t } = useTranslation();
  const kinds = KINDS.filter((k) => row.activities.byKind[k] > 0).map((k) => `${t(`researchAnalysis.kinds.${k}`)} ${row.activities.byKind[k]}`).join('，');
  const items: Kpi[] = [
    {
      key: 'activities', title: t('researchAnalysis.kpi.activities'), value: row.activities.total, to: '/research',
      note: [t('researchAnalysis.kpi.activitiesNote', { n: row.activities.organised }), kinds].filter(Boolean).join(' · '),
    },
    { key: 'observed', title: t('researchAnalysis.kpi.lessonsObserved'), value: row.lessonsObserved, note: t('researchAnalysis.kpi.lessonsNote', { n: row.lessonsAttached }) },
    { key: 'comments', title: t('researchAnalysis.kpi.commentsReceived'), value: row.commentsReceived, note: t('researchAnalysis.kpi.commentsNote', { n: row.commentsGiven }) },
    { key: 'codings', title: t('researchAnalysis.kpi.codingsGiven'), value: row.codingsGiven, note: t('researchAnalysis.kpi.codingsNote', { n: row.st.lessons }) },
  ];
  return (
    <Flex vertical gap={16} data-testid="my-research">
      <KpiCards items={items} />
      <Card variant="borderless" size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Text type="secondary">{t('researchAnalysis.col.st')}</Typography.Text>
          <StMix st={row.st} />
        </Flex>
      </Card>
    </Flex>
  );
}
