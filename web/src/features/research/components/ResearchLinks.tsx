import { Button } from 'antd';
import { ApartmentOutlined, BarChartOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The other research pages: groups here, rubrics and the analysis built beside this area. */
export function ResearchLinks() {
  const { t } = useTranslation();
  return (
    <>
      <Link to="/research/groups"><Button icon={<ApartmentOutlined />} data-testid="link-groups">{t('researchActivities.links.groups')}</Button></Link>
      <Link to="/research/rubrics"><Button icon={<FormOutlined />}>{t('researchActivities.links.rubrics')}</Button></Link>
      <Link to="/research/analysis"><Button icon={<BarChartOutlined />}>{t('researchActivities.links.analysis')}</Button></Link>
    </>
  );
}
