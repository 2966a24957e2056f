import { Button, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MeView } from '@shared/domain';
import { toQueryString } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useAsOfDay } from '../../../app/as-of';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatShortDate, platformTime, platformToday } from '../../../app/time';
import { getSchoolDashboard } from '../../dashboards/api/dashboards.api';
import { type Kpi, KpiCards } from '../../dashboards/components/KpiCards';
import { links, percent } from '../../dashboards/components/links';
import { listInbox } from '../../notifications/api/notifications.api';
import { listRecordings } from '../../recordings/api/recordings.api';
import { CountsCell } from '../../recordings/components/RecordingState';
import { getTimetable, listAlerts, listRooms } from '../../rooms/api/rooms.api';
import { upcomingLessons } from '@shared/timetable';
import { ResearchHomeCard } from '../../research/components/analysis/ResearchHomeCard';
import { supervisesResearch } from '../../research/components/analysis/AnalysisParts';
import { RecommendationsCard } from '../../equity/components/RecommendationsCard';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A principal's or teacher's home: their own school, not the county table. What is due today and
 * this month against the quota (for those who read compliance), their own lessons (for those who
 * record), the next lessons of the school's timetables, and what needs attention.
 */
export function SchoolHome({ me, school }: { me: MeView; school: { id: number; name: string | null } }) {
  const [params] = useSearchParams();
  const fromUrl = params.get('asOf');
  const fallback = useAsOfDay();
  const asked = fromUrl && DAY.test(fromUrl) ? fromUrl : null;
  // Figures open on the latest day that has them; the timetable looks ahead from today, unless a day is asked for.
  const asOf = asked ?? fallback;
  const lessonsFrom = asked ?? platformToday().format('YYYY-MM-DD');
  const teaches = me.assignments.some((a) => a.role === 'teacher');
  const mine = can(me, 'recording:upload') ? <MyLessons key="mine" /> : null;
  return (
    <Flex vertical gap={16} data-testid="school-home">
      {teaches ? mine : null}
      {can(me, 'compliance:read') && asOf ? <QuotaFigures schoolId={school.id} asOf={asOf} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><NextLessons schoolId={school.id} asOf={lessonsFrom} /></Col>
        <Col xs={24} xl={12}><Alerts schoolId={school.id} /></Col>
      </Row>
      {teaches ? null : mine}
      {can(me, 'research:read') ? <ResearchHomeCard schoolId={school.id} supervises={supervisesResearch(me)} /> : null}
      {can(me, 'resource:read') ? <RecommendationsCard schoolId={school.id} /> : null}
    </Flex>
  );
}

/** Today's counted lessons against the quota, and the month so far. */
function QuotaFigures({ schoolId, asOf }: { schoolId: number; asOf: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useApi((signal) => getSchoolDashboard(schoolId, asOf, signal), [schoolId, asOf]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  const day = data?.days.days.find((d) => d.day === asOf);
  const lessons = (from: string, to: string) => links.recordings({ from, to, schoolId, countyId: data?.school.countyId });
  const monthFrom = data?.periods.month.from ?? asOf;
  const monthLessons = data ? data.days.days.filter((d) => d.day >= monthFrom && d.day <= asOf).reduce((n, d) => n + (d.counted ?? 0), 0) : 0;
  const todayValue = !day ? '—' : !day.schoolDay ? (day.reasonName ?? t('schoolHome.noSchoolDay')) : `${day.counted ?? 0} / ${day.required ?? '—'}`;
  const items: Kpi[] = [
    {
      key: 'today', title: t('schoolHome.todayLessons', { day: formatShortDate(asOf) }), value: todayValue,
      color: day?.met === true ? '#389e0d' : day?.met === false ? '#cf1322' : undefined,
      note: day?.schoolDay ? (day.met ? t('schoolHome.quotaMet') : day.pending ? t('schoolHome.quotaPending') : t('schoolHome.quotaMissed')) : undefined,
      to: lessons(asOf, asOf),
    },
    {
      key: 'month', title: t('schoolHome.monthRate'), value: data ? percent(data.kpis.month.rate) : '—',
      note: data ? t('schoolHome.judgedDays', { met: data.kpis.month.metDays, judged: data.kpis.month.schoolDays - data.kpis.month.pendingDays }) : undefined,
      to: links.school(schoolId, asOf),
    },
    { key: 'missed', title: t('schoolHome.monthMissed'), value: data?.kpis.month.missedDays ?? '—', color: data?.kpis.month.missedDays ? '#cf1322' : undefined, to: links.school(schoolId, asOf) },
    { key: 'monthLessons', title: t('schoolHome.monthLessons'), value: data ? monthLessons : '—', to: lessons(monthFrom, asOf) },
  ];
  return (
    <div data-testid="school-quota">
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{data ? t('schoolHome.quotaTitle', { school: data.school.name }) : t('schoolHome.quotaTitleShort')}</Typography.Title>
        <Link to={links.school(schoolId, asOf)}>{t('schoolHome.openDashboard')}</Link>
      </Flex>
      <KpiCards items={items} />
    </div>
  );
}

/** 我的录播课: the lessons this person taught or uploaded, newest first. */
function MyLessons() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => listRecordings({ mine: true, page: 1, pageSize: 5 }, signal), []);
  return (
    <Card
      variant="borderless"
      title={t('myRecordings.title')}
      extra={<Link to={`/recordings${toQueryString({ mine: true })}`}>{t('schoolHome.all', { n: data?.total ?? 0 })}</Link>}
      data-testid="my-lessons"
    >
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myRecordings.empty')} /> }}
        renderItem={(r) => (
          <List.Item extra={<CountsCell recording={r} />}>
            <List.Item.Meta
              title={<Link to={`/recordings/${r.id}`}>{r.title}</Link>}
              description={`${formatShortDate(r.lessonStart, true)} · ${[r.subject, r.grade].filter(Boolean).join(' · ')}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The next lessons the school's recording rooms are timetabled to record. */
function NextLessons({ schoolId, asOf }: { schoolId: number; asOf: string }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi(async (signal) => {
    const rooms = await listRooms({ schoolId, page: 1, pageSize: 20 }, signal);
    const timetables = await Promise.all(rooms.items.map((room) => getTimetable(room.id, signal)));
    return rooms.items.map((room, i) => ({ id: room.id, name: room.name, lessons: timetables[i]!.lessons }));
  }, [schoolId]);
  // On today, from now; on another day (?asOf=2018-04-04), from that day's morning.
  const today = platformToday().format('YYYY-MM-DD');
  const lessons = data ? upcomingLessons(data, asOf, asOf === today ? platformTime().format('HH:mm') : '00:00', 6) : [];
  return (
    <Card variant="borderless" title={t('schoolHome.nextLessons')} data-testid="next-lessons" style={{ height: '100%' }}>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <List
        loading={loading}
        dataSource={lessons}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data && !data.length ? t('schoolHome.noRooms') : t('schoolHome.noLessons')} /> }}
        renderItem={({ lesson: l, day, roomName }) => (
          <List.Item>
            <Flex gap={12} align="baseline" wrap>
              <Typography.Text strong>{formatShortDate(day)} {l.startsAt}–{l.endsAt}</Typography.Text>
              <span>{[l.grade, l.subject, l.teacher].filter(Boolean).join(' · ')}</span>
              <Typography.Text type="secondary">{roomName}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The person's unread inbox and the school's open room alerts. */
function Alerts({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const inbox = useApi((signal) => listInbox({ unread: true, page: 1, pageSize: 5 }, signal), []);
  const rooms = useApi((signal) => listAlerts({ schoolId, open: true, page: 1, pageSize: 5 }, signal), [schoolId]);
  const items = [
    ...(rooms.data?.items ?? []).map((a) => ({ key: `room-${a.id}`, at: a.createdAt, text: a.message, tag: t('schoolHome.roomAlert'), to: `/rooms/${a.roomId}` })),
    ...(inbox.data?.items ?? []).map((n) => ({ key: `inbox-${n.id}`, at: n.createdAt, text: n.title, tag: t('schoolHome.inbox'), to: n.link ?? '/notifications' })),
  ];
  return (
    <Card
      variant="borderless"
      title={t('schoolHome.alerts')}
      extra={<Link to="/notifications"><Button type="link" size="small">{t('schoolHome.inboxAll', { n: inbox.data?.unread ?? 0 })}</Button></Link>}
      data-testid="school-alerts"
      style={{ height: '100%' }}
    >
      {inbox.error ? <ErrorAlert error={inbox.error} onRetry={inbox.reload} /> : null}
      <List
        loading={inbox.loading || rooms.loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schoolHome.noAlerts')} /> }}
        renderItem={(item) => (
          <List.Item>
            <Flex gap={8} align="baseline" wrap>
              <Tag>{item.tag}</Tag>
              <Link to={item.to}>{item.text}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatShortDate(item.at, true)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
