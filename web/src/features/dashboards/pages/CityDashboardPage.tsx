import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getCityDashboard } from '../api/dashboards.api';
import { DashboardHeader } from '../components/DashboardHeader';
import { RegionalDashboard } from '../components/RegionalDashboard';
import { useAsOfParam } from '../components/use-as-of-param';
import { DayStatusNotice } from '../../calendar/components/DayStatusNotice';

/** 数据看板: every county in the person's scope, as of a day. */
export default function CityDashboardPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useAsOfParam();
  const { data, error, loading, reload } = useApi((signal) => (asOf ? getCityDashboard(asOf, signal) : new Promise<never>(() => undefined)), [asOf]);
  if (!asOf) return <FullPageSpin height="50vh" />;
  return (
    <div data-testid="city-dashboard">
      <DashboardHeader title={t('dashboards.cityTitle')} asOf={asOf} onAsOf={setAsOf} bigScreen />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data && data.asOf === asOf ? <DayStatusNotice answer={data} from={asOf} /> : null}
      {data && !(loading && data.asOf !== asOf) ? <RegionalDashboard data={data} /> : error ? null : <FullPageSpin height="50vh" />}
    </div>
  );
}
