import { useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Milestone } from '@shared/rollout';
import { toQueryString } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatInstant } from '../../../app/time';
import { useAsOfParam } from '../../dashboards/components/use-as-of-param';
import { getSchool } from '../api/rollout.api';
import { AsOfPicker } from '../components/AsOfPicker';
import { BuiltFlagModal } from '../components/BuiltFlagModal';
import { milestoneState, OverdueTags } from '../components/milestone-tags';
import { NamedPersonCard } from '../components/NamedPersonCard';
import { RecordMilestoneModal } from '../components/RecordMilestoneModal';

const DOT = { done: 'green', overdue: 'red', planned: 'blue', none: 'gray' } as const;

function Evidence({ note, link }: { note: string | null; link: string | null }) {
  return (
    <>
      {note ? <Typography.Paragraph style={{ margin: 0 }}>{note}</Typography.Paragraph> : null}
      {link ? (/^https?:\/\//.test(link) ? <a href={link} target="_blank" rel="noreferrer noopener">{link}</a> : <Typography.Text code>{link}</Typography.Text>) : null}
    </>
  );
}

/** One school's rollout: a timeline of its milestones with evidence, the deadlines it is held to, its named person. */
export default function RolloutSchoolPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [asOf, setAsOf] = useAsOfParam();
  const [recording, setRecording] = useState<Milestone | true | null>(null);
  const [changingBuilt, setChangingBuilt] = useState(false);
  const loaded = useApi((signal) => (asOf ? getSchool(id, asOf, signal) : Promise.resolve(undefined)), [id, asOf]);
  const school = loaded.data;
  // A save answers as of today; ask again for the page's day.
  const onSaved = () => {
    setRecording(null);
    setChangingBuilt(false);
    loaded.reload();
  };
  const canRecord = school?.milestones.some((m) => m.canRecord) ?? false;

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            <Link to={`/rollout/schools${toQueryString({ asOf })}`} aria-label={t('common.back')}><ArrowLeftOutlined /></Link>
            {school?.name ?? t('rollout.title')}
          </Flex>
        }
        extra={
          <>
            <AsOfPicker value={asOf} onChange={setAsOf} />
            {canRecord ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setRecording(true)} data-testid="record-milestone-open">
                {t('rollout.detail.record')}
              </Button>
            ) : null}
          </>
        }
      />
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {school ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card variant="borderless" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
                { key: 'county', label: t('rollout.county'), children: school.countyName },
                { key: 'kind', label: t('rollout.kind'), children: t(`schoolKinds.${school.kind}`) },
                { key: 'batch', label: t('rollout.batch'), children: <>{school.batch} {school.batchDueOn ? <Typography.Text type="secondary">（{t('rollout.dueOn')} {school.batchDueOn}）</Typography.Text> : null}</> },
                {
                  key: 'built', label: t('rollout.detail.status'), children: (
                    <Flex gap={4} align="center" wrap data-testid="built-flag" data-built={school.built}>
                      {school.built ? <Tag color="blue">{t('rollout.detail.builtFlag')}</Tag> : <Tag>{t('rollout.detail.newFlag')}</Tag>}
                      {school.canSetBuilt ? (
                        <Button size="small" type="link" onClick={() => setChangingBuilt(true)} data-testid="built-change">{t('rollout.detail.builtChange')}</Button>
                      ) : null}
                    </Flex>
                  ),
                },
                { key: 'dept', label: t('rollout.detail.programmeDepartment'), children: t(`departments.${school.programmeDepartment}`) },
                { key: 'overdue', label: t('rollout.overdueTitle'), children: <OverdueTags items={school.overdue} /> },
              ]} />
            </Card>
            <Card variant="borderless" title={t('rollout.milestonesTitle')} data-testid="milestone-timeline">
              <Timeline
                items={school.milestones.map((m) => {
                  const state = milestoneState(m, school.overdue);
                  const due = school.overdue.find((o) => o.requirement === m.milestone);
                  return {
                    key: m.milestone,
                    color: DOT[state],
                    children: (
                      <Flex vertical gap={4} data-testid={`milestone-${m.milestone}`} data-state={state}>
                        <Flex gap={8} align="center" wrap>
                          <Typography.Text strong>{t(`rollout.milestones.${m.milestone}`)}</Typography.Text>
                          <Tag>{t(`departments.${m.department}`)}</Tag>
                          {m.done && m.doneOn ? <Tag color="success">{t('rollout.detail.done', { day: m.doneOn })}</Tag> : null}
                          {!m.done && m.plannedOn ? <Tag color={state === 'overdue' ? 'error' : 'processing'}>{t('rollout.detail.planned', { day: m.plannedOn })}</Tag> : null}
                          {due ? <Typography.Text type="danger">{t('rollout.overdueSince', { day: due.dueOn, n: due.daysOverdue })}</Typography.Text> : null}
                          {m.canRecord ? <Button size="small" type="link" onClick={() => setRecording(m.milestone)}>{t('rollout.detail.recordThis')}</Button> : null}
                        </Flex>
                        {m.done ? <Evidence note={m.evidenceNote} link={m.evidenceLink} /> : null}
                        {m.done && m.recordedBy ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('rollout.detail.recordedBy', { name: m.recordedBy.name, at: formatInstant(m.recordedAt) })}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                    ),
                  };
                })}
              />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16}>
              <NamedPersonCard school={school} onSaved={onSaved} />
              <Card variant="borderless" title={t('rollout.detail.deadlines')}>
                <Flex vertical gap={8}>
                  {school.deadlines.length ? school.deadlines.map((d) => (
                    <Flex key={d.id} vertical gap={2}>
                      <Flex gap={8} align="center" wrap>
                        <Typography.Text strong>{d.dueOn}</Typography.Text>
                        <Tag color={d.met ? 'success' : d.dueOn < school.asOf ? 'error' : 'default'}>{d.met ? t('rollout.detail.met') : t('rollout.detail.notMet')}</Tag>
                      </Flex>
                      <Typography.Text>{d.name}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('rollout.detail.requires', { list: d.requires.map((r) => t(`rollout.requirements.${r}`)).join('、') })}
                      </Typography.Text>
                    </Flex>
                  )) : <Typography.Text type="secondary">{t('rollout.detail.noDeadlines')}</Typography.Text>}
                </Flex>
              </Card>
            </Flex>
          </Col>
        </Row>
      ) : null}
      {school && changingBuilt ? <BuiltFlagModal school={school} onClose={() => setChangingBuilt(false)} onSaved={onSaved} /> : null}
      {school && recording ? (
        <RecordMilestoneModal
          school={school}
          day={asOf}
          initial={recording === true ? undefined : recording}
          onClose={() => setRecording(null)}
          onSaved={onSaved}
        />
      ) : null}
    </>
  );
}
