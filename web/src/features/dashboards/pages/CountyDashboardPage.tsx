import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CountyDashboard } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getCountyDashboard } from '../api/dashboards.api';
import { DashboardHeader } from '../components/DashboardHeader';
import { links, percent } from '../components/links';
import { RegionalDashboard } from '../components/RegionalDashboard';
import { useAsOfParam } from '../components/use-as-of-param';
import { homeDashboard } from '../components/home-dashboard';
import { DayStatusNotice } from '../../calendar/components/DayStatusNotice';

/** One county's dashboard, school by school; opened from the city's by a click on the county. */
export default function CountyDashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const countyId = Number(useParams().id);
  const [asOf, setAsOf] = useAsOfParam();
  const { data, error, loading, reload } = useApi(
    (signal) => (asOf ? getCountyDashboard(countyId, asOf, signal) : new Promise<never>(() => undefined)), [countyId, asOf],
  );
  if (!asOf) return <FullPageSpin height="50vh" />;
  const fresh = data && data.county.id === countyId && !(loading && data.asOf !== asOf);
  return (
    <div data-testid="county-dashboard">
      <DashboardHeader
        title={fresh ? t('dashboards.countyTitle', { county: data.county.name }) : t('dashboards.countyTitle', { county: '' })}
        asOf={asOf}
        onAsOf={setAsOf}
        up={homeDashboard(me).level === 'city' ? { to: links.city(asOf), label: t('dashboards.backToCity') } : undefined}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {fresh ? (
        <>
          <DayStatusNotice answer={data} from={asOf} />
          <DepartmentCards data={data} />
          <RegionalDashboard data={data} />
        </>
      ) : error ? null : <FullPageSpin height="50vh" />}
    </div>
  );
}

/** The county's duties (教科所 recording rooms, 电教馆 primary and junior schools, 学前教研室 kindergartens): this month's rate of each. */
function DepartmentCards({ data }: { data: CountyDashboard }) {
  const { t } = useTranslation();
  const me = useMe();
  // A department's own staff find their duty marked.
  const mine = new Set(me.assignments.filter((a) => a.role === 'dept_staff' && a.countyId === data.county.id).map((a) => a.department));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {data.county.departments.map((d) => (
        <Col xs={24} md={8} key={d.department}>
          <Card
            variant="borderless"
            size="small"
            data-testid={`department-${d.department}`}
            style={mine.has(d.department) ? { boxShadow: 'inset 0 0 0 2px #1f63d6' } : undefined}
          >
            <Statistic
              title={
                <>
                  {t('dashboards.departmentRate', { department: t(`departments.${d.department}`) })}
                  {mine.has(d.department) ? <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('dashboards.myDepartment')}</Tag> : null}
                </>
              }
              value={percent(d.rate)}
              suffix={<span style={{ fontSize: 13, color: '#8c8c8c' }}>{t('dashboards.departmentSchools', { schools: d.schools })}</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
