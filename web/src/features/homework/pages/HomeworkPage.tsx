import { Flex, Select, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { staffClasses } from '../api/homework.api';
import { ClassWeekCard } from '../components/ClassWeekCard';
import { PostHomeworkCard } from '../components/PostHomeworkCard';
import { TimetableEditorCard } from '../components/TimetableEditorCard';
import { WeeklyFiguresCard } from '../components/WeeklyFiguresCard';

/**
 * 作业 (/homework): class staff post homework for their classes (warned before posting when the
 * day's written minutes pass the national limit), see the class's week and keep its timetable;
 * principals and bureaus read the weekly figures per school.
 */
export default function HomeworkPage() {
  const { t } = useTranslation();
  const me = useMe();
  const staff = can(me, 'class:write');
  const stats = can(me, 'family:stats');
  const classes = useApi(async (signal) => (staff ? staffClasses(signal) : undefined), [staff]);
  const [picked, setPicked] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const items = classes.data?.items ?? [];
  // The head teacher's notification links here with ?classId= of the class over the limit.
  const [params] = useSearchParams();
  const linked = items.find((c) => c.id === Number(params.get('classId')))?.id;
  const classId = picked ?? linked ?? items[0]?.id ?? null;
  const monday = dayjs().subtract((dayjs().day() + 6) % 7, 'day');
  const from = monday.format('YYYY-MM-DD');
  const to = monday.add(6, 'day').format('YYYY-MM-DD');
  const current = items.find((c) => c.id === classId);

  const classTabs = staff && classId !== null ? [
    { key: 'post', label: t('homework.tabs.post'), children: <Flex vertical gap={16}><PostHomeworkCard classId={classId} onPosted={() => setVersion((v) => v + 1)} /><ClassWeekCard classId={classId} from={from} to={to} version={version} /></Flex> },
    { key: 'timetable', label: t('homework.tabs.timetable'), children: <TimetableEditorCard classId={classId} /> },
  ] : [];
  const tabs = [...classTabs, ...(stats ? [{ key: 'figures', label: t('homework.tabs.figures'), children: <WeeklyFiguresCard /> }] : [])];

  return (
    <>
      <PageHeader title={t('homework.title')} note={t('homework.note')}
        extra={staff && items.length > 0 ? (
          <Select style={{ minWidth: 220 }} value={classId} onChange={setPicked}
            options={items.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}` }))} />
        ) : null} />
      {classes.error ? <ErrorAlert error={classes.error} onRetry={classes.reload} /> : null}
      {current ? (
        <Typography.Paragraph type="secondary">
          {current.homeworkAllowed
            ? (current.writtenLimit === null ? t('homework.limit.none') : current.writtenLimit === 0 ? t('homework.limit.zero') : t('homework.limit.max', { limit: current.writtenLimit }))
            : t('homework.limit.kindergarten')}
        </Typography.Paragraph>
      ) : null}
      {staff && classes.data && items.length === 0 ? <Typography.Text type="secondary">{t('homework.noClass')}</Typography.Text> : null}
      {tabs.length ? <Tabs items={tabs} /> : null}
    </>
  );
}
