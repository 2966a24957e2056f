import { Result, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySelect } from '../../../app/list/filter-bar';
import { readInt, usePatchSearchParams } from '../../../app/search-params';
import { platformToday } from '../../../app/time';
import { type CalendarPlace, getCalendar, getPublicDays, listRules, listTerms } from '../api/calendar.api';
import { homePlace, schoolYearOf, schoolYearRange } from '../components/calendar-place';
import { ExceptionsCard } from '../components/ExceptionsCard';
import { HolidaysCard } from '../components/HolidaysCard';
import { RulesCard } from '../components/RulesCard';
import { TermsCard } from '../components/TermsCard';

/**
 * 校历与录播规则: what decides which days are judged — terms per school year and stage, the
 * national holidays and 调休 (and a city's entry of a year the dataset lacks), exception days,
 * and the quota rules with their dates. City staff may look at one county (`?countyId=`).
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const home = homePlace(me);
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const currentYear = schoolYearOf(platformToday().format('YYYY-MM-DD'));
  const year = readInt(params, 'year') ?? currentYear;
  const countyId = home?.level === 'city' ? readInt(params, 'countyId') : undefined;
  const place: CalendarPlace | null = home ? (countyId !== undefined ? { countyId } : home.place) : null;
  const key = JSON.stringify(place);
  const range = schoolYearRange(year);

  const terms = useApi((signal) => (place ? listTerms(place, signal) : Promise.reject(new Error('no place'))), [key]);
  const days = useApi((signal) => (place ? getCalendar(place, range.from, range.to, signal) : Promise.reject(new Error('no place'))), [key, year]);
  const rules = useApi((signal) => (place ? listRules(place, signal) : Promise.reject(new Error('no place'))), [key]);
  const entered = useApi(
    (signal) => (home ? Promise.all([getPublicDays(home.cityId, year, signal), getPublicDays(home.cityId, year + 1, signal)]) : Promise.reject(new Error('no place'))),
    [home?.cityId, year],
  );

  if (!home || !place) return <Result status="info" title={t('calendar.title')} subTitle={t('common.empty')} />;
  const years = [...new Set([currentYear, year, ...(terms.data?.terms.map((x) => x.schoolYear) ?? [])])].sort((a, b) => b - a);
  // A term change moves days, the holiday list and the figures: everything reloads.
  const reloadDays = () => {
    terms.reload();
    days.reload();
  };

  return (
    <div data-testid="calendar-page">
      <PageHeader
        title={t('calendar.title')}
        note={t('calendar.note')}
        extra={
          <>
            {home.level === 'city' ? (
              <div style={{ minWidth: 160 }}>
                <CountySelect value={countyId} onChange={(id) => patch({ countyId: id })} label={t('calendar.wholeCity')} hideSingle />
              </div>
            ) : null}
            <Select
              aria-label={t('calendar.schoolYear')}
              style={{ minWidth: 160 }}
              value={year}
              onChange={(value: number) => patch({ year: value })}
              options={years.map((y) => ({ value: y, label: t('calendar.schoolYearName', { from: y, to: y + 1 }) }))}
              data-testid="school-year"
            />
          </>
        }
      />
      {terms.error ? <ErrorAlert error={terms.error} onRetry={terms.reload} /> : null}
      {!terms.data ? (terms.error ? null : <FullPageSpin height="40vh" />) : (
        <>
          <TermsCard
            terms={terms.data.terms.filter((x) => x.schoolYear === year)}
            place={place}
            canAdd={home.level !== 'school'}
            loading={terms.loading}
            onChanged={reloadDays}
          />
          <HolidaysCard
            year={year}
            days={days.data?.days ?? []}
            loading={days.loading}
            error={days.error}
            entered={entered.data}
            cityId={home.cityId}
            onChanged={() => {
              entered.reload();
              days.reload();
            }}
          />
          <ExceptionsCard
            place={place}
            exceptions={days.data?.exceptions ?? []}
            range={range}
            loading={days.loading}
            onChanged={days.reload}
          />
          <RulesCard
            rules={rules.data}
            error={rules.error}
            place={place}
            canAdd={home.level !== 'school'}
            onChanged={rules.reload}
          />
        </>
      )}
    </div>
  );
}
