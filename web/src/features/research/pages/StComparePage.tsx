import { useEffect, useMemo, useState } from 'react';
import { Breadcrumb, Card, Col, Descriptions, Empty, Flex, Result, Row, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { StCompare, StCompareLesson } from '@shared/research-st-types';
import { sampleIndexAt } from '@shared/st-analysis';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { LessonPlayer, type LessonPlayerHandle } from '../../recordings/components/LessonPlayer';
import { getStCompare } from '../api/st.api';
import { CodeStrip } from '../components/st/CodeStrip';
import { rtChOption, stCurveOption } from '../components/st/st-chart-options';
import { EChart } from '../components/st/st-echarts';
import { fixed2, LessonTypeTag } from '../components/st/StFigures';
import { useLinkedPlayers } from '../components/st/use-linked-players';

/** `12,15[,19]` → two or three distinct ids; null otherwise. */
function lessonIds(text: string | null): number[] | null {
  if (!text || !/^\d+(,\d+){1,2}$/.test(text)) return null;
  const ids = text.split(',').map(Number);
  return new Set(ids).size === ids.length && ids.every((id) => id > 0) ? ids : null;
}

/**
 * 同课异构: two or three lessons of one activity side by side — each player with its S-T curve
 * under it on axes of one length, a dot on each curve at its player's moment (lessons aligned by
 * lesson time), and the lessons' Rt-Ch below. "Linked" lets the first player drive the others.
 */
export default function StComparePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const ids = lessonIds(params.get('lessons'));
  const coder = Number(params.get('coder')) || null;
  const { data, error, reload } = useApi(
    (signal) => (ids && Number.isInteger(id) ? getStCompare(id, ids, coder, signal) : Promise.resolve(undefined)),
    [id, ids?.join(','), coder],
  );

  if (!ids || !Number.isInteger(id)) {
    return <Result status="info" title={t('researchSt.compare.title')} subTitle={t('researchSt.compare.needLessons')} />;
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={320} />;

  const chooseCoder = (value: number) => {
    const next = new URLSearchParams(params);
    if (value) next.set('coder', String(value));
    else next.delete('coder');
    setParams(next, { replace: true });
  };
  return <Comparison data={data} coder={coder} onCoder={chooseCoder} />;
}

function Comparison({ data, coder, onCoder }: { data: StCompare; coder: number | null; onCoder: (userId: number) => void }) {
  const { t } = useTranslation();
  const [linked, setLinked] = useState(true);
  const [handles, setHandles] = useState<(LessonPlayerHandle | null)[]>(() => data.lessons.map(() => null));
  const onHandle = useMemo(
    () => data.lessons.map((_, i) => (handle: LessonPlayerHandle | null) => setHandles((before) => {
      if (before[i] === handle) return before;
      const next = [...before];
      next[i] = handle;
      return next;
    })),
    [data.lessons],
  );
  useLinkedPlayers(handles, linked);

  // Each player's moment on its lesson clock, in whole seconds, for the dots on the curves.
  const [moments, setMoments] = useState<number[]>(() => data.lessons.map(() => 0));
  useEffect(() => {
    const offs = handles.map((h, i) => {
      if (!h) return () => undefined;
      const tick = () => setMoments((before) => {
        const s = Math.floor(h.lessonMs() / 1000);
        if (before[i] === s) return before;
        const next = [...before];
        next[i] = s;
        return next;
      });
      h.video.addEventListener('timeupdate', tick);
      h.video.addEventListener('seeked', tick);
      return () => {
        h.video.removeEventListener('timeupdate', tick);
        h.video.removeEventListener('seeked', tick);
      };
    });
    return () => offs.forEach((off) => off());
  }, [handles]);

  // One axis length for every curve: the longest lesson (or curve), so shapes compare by eye.
  const axisMinutes = Math.max(1, ...data.lessons.map((l) => Math.max(
    (l.durationSeconds ?? 0) / 60, ...(l.curve?.points.map((p) => Math.max(p.t, p.s) / 60) ?? [0]),
  )));
  const span = 24 / data.lessons.length;
  const rtChPoints = data.lessons.filter((l) => l.summary.meanRt !== null)
    .map((l) => ({ name: `${l.schoolName} · ${l.teacherName || l.title}`, rt: l.summary.meanRt!, ch: l.summary.meanCh! }));

  return (
    <Flex vertical gap={16} data-testid="st-compare">
      <Breadcrumb items={[
        { title: <Link to="/research">{t('nav.research')}</Link> },
        { title: <Link to={`/research/activities/${data.activityId}`}>{data.topic}</Link> },
        { title: t('researchSt.compare.title') },
      ]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>{`${t('researchSt.compare.title')} · ${data.topic}`}</Typography.Title>
          <Space wrap>
            <Typography.Text>{t('researchSt.compare.curveFrom')}</Typography.Text>
            <Select
              value={coder ?? 0}
              onChange={onCoder}
              style={{ minWidth: 180 }}
              data-testid="st-compare-coder"
              options={[{ value: 0, label: t('researchSt.compare.firstCoder') }, ...data.coders.map((c) => ({ value: c.userId, label: c.name }))]}
            />
            <Switch checked={linked} onChange={setLinked} data-testid="st-compare-linked" />
            <Typography.Text title={t('researchSt.compare.linkedHelp')}>{t('researchSt.compare.linked')}</Typography.Text>
          </Space>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        {data.lessons.map((lesson, i) => (
          <Col key={lesson.recordingId} xs={24} lg={span}>
            <LessonColumn lesson={lesson} onHandle={onHandle[i]!} moment={moments[i] ?? 0} axisMinutes={axisMinutes} index={i} />
          </Col>
        ))}
      </Row>
      {rtChPoints.length ? (
        <Card variant="borderless" title={t('researchSt.compare.rtChAll')}>
          <EChart option={rtChOption(t, rtChPoints)} height={320} testId="st-compare-rtch" />
        </Card>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('researchSt.method')}</Typography.Text>
    </Flex>
  );
}

function LessonColumn({ lesson, onHandle, moment, axisMinutes, index }: {
  lesson: StCompareLesson; onHandle: (h: LessonPlayerHandle | null) => void; moment: number; axisMinutes: number; index: number;
}) {
  const { t } = useTranslation();
  const curve = lesson.curve;
  const option = useMemo(
    () => (curve ? stCurveOption(t, [{ name: t('researchSt.compare.curveOf', { name: curve.coderName }), points: curve.points, strong: true, cursorSeconds: moment }], axisMinutes) : null),
    [t, curve, moment, axisMinutes],
  );
  return (
    <Card
      variant="borderless"
      data-testid={`st-compare-lesson-${index}`}
      title={lesson.title}
      extra={<Typography.Text type="secondary">{[lesson.schoolName, lesson.teacherName].filter(Boolean).join(' · ')}</Typography.Text>}
    >
      <Flex vertical gap={12}>
        <LessonPlayer recordingId={lesson.recordingId} track={lesson.track} onHandle={onHandle} />
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'coders', label: t('researchSt.coder'), children: t('researchSt.compare.coders', { n: lesson.summary.coders }) },
            { key: 'type', label: t('researchSt.type'), children: <LessonTypeTag type={lesson.summary.type} /> },
            { key: 'rt', label: t('researchSt.compare.meanRt'), children: fixed2(lesson.summary.meanRt) },
            { key: 'ch', label: t('researchSt.compare.meanCh'), children: fixed2(lesson.summary.meanCh) },
          ]}
        />
        {curve && option ? (
          <>
            <EChart option={option} height={280} testId={`st-compare-curve-${index}`} />
            <CodeStrip codes={curve.codes} intervalSeconds={curve.intervalSeconds} current={sampleIndexAt(moment * 1000, curve.intervalSeconds)} />
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('researchSt.compare.noCoding')} />
        )}
      </Flex>
    </Card>
  );
}
