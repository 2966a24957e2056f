import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, ConfigProvider, Flex, theme as antdTheme } from 'antd';
import { CloseOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CityDashboard } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatShortDate, platformTime } from '../../../app/time';
import { getCityDashboard } from '../api/dashboards.api';
import { missedDayHeatmap, rateBars, rolloutBars, subjectGradeBars, trendLine } from '../components/chart-options';
import { EChart } from '../components/EChart';
import { dayFigure, links, percent, periodFigure } from '../components/links';
import { pickedIndex } from '../components/RegionalDashboard';
import { useAsOfParam } from '../components/use-as-of-param';
import '../dashboards.css';

/** The 大屏 reloads its figures this often, so the meeting room's wall follows the day. */
const REFRESH_MS = 60_000;
/** The charts' options for the wall: larger text. */
const BIG = { big: true } as const;

/**
 * 大屏: the city dashboard for the bureau's meeting-room screen — dark, large figures, reloading
 * every minute, full screen through the browser's Fullscreen API (the button; Esc leaves it).
 */
export default function BigScreenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asOf] = useAsOfParam();
  const stage = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [now, setNow] = useState(() => platformTime());
  const { data, error, reload } = useApi((signal) => (asOf ? getCityDashboard(asOf, signal) : new Promise<never>(() => undefined)), [asOf]);

  useEffect(() => {
    const refresh = setInterval(reload, REFRESH_MS);
    const clock = setInterval(() => setNow(platformTime()), 1_000);
    return () => {
      clearInterval(refresh);
      clearInterval(clock);
    };
  }, [reload]);

  useEffect(() => {
    const changed = () => setFullscreen(document.fullscreenElement === stage.current);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stage.current?.requestFullscreen().catch(() => undefined);
  };

  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm }}>
      <div ref={stage} className="big-screen" data-testid="big-screen" data-fullscreen={fullscreen ? 'true' : 'false'}>
        <div className="big-screen-top">
          <div className="big-screen-clock">{now.format('YYYY-MM-DD HH:mm:ss')}</div>
          <h1 className="big-screen-title">{t('dashboards.big.title')}</h1>
          <Flex gap={8} align="center" className="big-screen-actions">
            <span className="big-screen-asof">{asOf ? t('dashboards.asOfNote', { day: asOf }) : ''}</span>
            <Button
              icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={toggleFullscreen}
              data-testid="toggle-fullscreen"
            >
              {fullscreen ? t('dashboards.big.exitFullscreen') : t('dashboards.big.fullscreen')}
            </Button>
            <Button icon={<CloseOutlined />} onClick={() => navigate(links.city(asOf))} aria-label={t('dashboards.big.close')} />
          </Flex>
        </div>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        {data ? <BigScreenFigures data={data} onCounty={(id) => navigate(links.county(id, data.asOf))} /> : null}
      </div>
    </ConfigProvider>
  );
}

function BigScreenFigures({ data, onCounty }: { data: CityDashboard; onCounty: (countyId: number) => void }) {
  const { t } = useTranslation();
  const rates = useMemo(() => rateBars(t, data.day, data.month, { ...BIG, limit: 15 }), [t, data]);
  const trend = useMemo(() => trendLine(t, data.trend, BIG), [t, data]);
  const rollout = useMemo(() => (data.rollout ? rolloutBars(t, data.rollout, BIG) : null), [t, data]);
  const subjects = useMemo(() => (data.recordings ? subjectGradeBars(t, data.recordings.rows, BIG) : null), [t, data]);
  // As many lagging schools as the panel holds legibly: a 1080-line wall screen takes a dozen.
  const heatRows = window.innerHeight >= 1000 ? 12 : 8;
  const heatmap = useMemo(() => missedDayHeatmap(t, { ...data.heatmap, rows: data.heatmap.rows.slice(0, heatRows) }, BIG), [t, data, heatRows]);
  const { kpis } = data;
  const lessons = data.recordings?.rows.reduce((n, r) => n + r.lessons, 0);

  const numbers = [
    { key: 'day', label: t('dashboards.kpi.day', { day: formatShortDate(data.asOf) }), value: dayFigure(kpis.day) },
    { key: 'month', label: t('dashboards.kpi.month'), value: periodFigure(kpis.month) },
    { key: 'schools', label: t('dashboards.big.tracked'), value: String(kpis.month.schools) },
    { key: 'lagging', label: t('dashboards.kpi.lagging'), value: String(kpis.laggingSchools), alarm: kpis.laggingSchools > 0 },
    kpis.rollout
      ? { key: 'rollout', label: t('dashboards.kpi.rollout'), value: percent(kpis.rollout.rate) }
      : { key: 'lessons', label: t('dashboards.kpi.lessons'), value: lessons === undefined ? '—' : String(lessons) },
  ];

  return (
    <>
      <div className="big-screen-numbers">
        {numbers.map((n) => (
          <div key={n.key} className="big-screen-number" data-testid={`big-${n.key}`}>
            <div className={n.alarm ? 'big-screen-value alarm' : 'big-screen-value'}>{n.value}</div>
            <div className="big-screen-label">{n.label}</div>
          </div>
        ))}
      </div>
      <div className="big-screen-grid">
        <section className="big-screen-panel">
          <h2>{t('dashboards.countyRates')}</h2>
          <EChart
            dark
            testId="big-rates"
            option={rates.option}
            height="calc(100% - 40px)"
            onClick={(click) => {
              const id = rates.ids[pickedIndex(click, rates.names)];
              if (id !== undefined) onCounty(id);
            }}
          />
        </section>
        <section className="big-screen-panel">
          <h2>{t('dashboards.trend')}</h2>
          <EChart dark testId="big-trend" option={trend} height="calc(100% - 40px)" />
        </section>
        <section className="big-screen-panel">
          <h2>{rollout ? t('dashboards.rollout') : t('dashboards.subjects')}</h2>
          {rollout ? (
            <EChart dark testId="big-rollout" option={rollout.option} height="calc(100% - 40px)" />
          ) : subjects ? (
            <EChart dark testId="big-subjects" option={subjects.option} height="calc(100% - 40px)" />
          ) : null}
        </section>
        <section className="big-screen-panel">
          <h2>{t('dashboards.heatmapTitle', { shown: Math.min(heatRows, data.heatmap.rows.length), total: data.heatmap.total })}</h2>
          <EChart dark testId="big-heatmap" option={heatmap.option} height="calc(100% - 40px)" />
        </section>
      </div>
    </>
  );
}
