import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../../api/use-api';
import { getAnalysisSchools, getMyResearch } from '../../api/analysis.api';
import { activitiesOf, StMix } from './AnalysisTables';

/**
 * 教研参与 on a school's home page, this term: the school's figures for its principal, one's own
 * for a teacher; the title opens the research analysis. Nothing is drawn until the figures come.
 */
export function ResearchHomeCard({ schoolId, supervises }: { schoolId: number; supervises: boolean }) {
  const { t } = useTranslation();
  const { data } = useApi(async (signal) => {
    if (!supervises) return (await getMyResearch({}, signal)).row;
    return (await getAnalysisSchools({}, signal)).rows.find((r) => r.schoolId === schoolId);
  }, [schoolId, supervises]);
  if (!data) return null;
  const stats = [
    { key: 'activities', title: supervises ? t('researchAnalysis.homeSchoolActivities') : t('researchAnalysis.homeMine'), value: data.activities.total, to: supervises ? activitiesOf(schoolId) : '/research' },
    { key: 'observed', title: t('researchAnalysis.kpi.lessonsObserved'), value: `${data.lessonsObserved} / ${data.lessonsAttached}` },
    { key: 'comments', title: t('researchAnalysis.kpi.commentsReceived'), value: data.commentsReceived },
  ];
  return (
    <Card
      variant="borderless"
      size="small"
      data-testid="home-research"
      title={t('researchAnalysis.homeTitle')}
      extra={<Link to="/research/analysis">{t('researchAnalysis.homeOpen')}</Link>}
    >
      <Row gutter={[16, 8]} align="middle">
        {stats.map((s) => (
          <Col xs={8} lg={6} key={s.key}>
            {s.to ? <Link to={s.to}><Statistic title={s.title} value={s.value} /></Link> : <Statistic title={s.title} value={s.value} />}
          </Col>
        ))}
        <Col xs={24} lg={6}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('researchAnalysis.col.st')}</Typography.Text>
            <StMix st={data.st} />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
