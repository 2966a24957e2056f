import { useEffect, useMemo, useState } from 'react';
import { Alert, App, AutoComplete, Breadcrumb, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ActivityDetail, ActivityKind } from '@shared/research-activities-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { InstantPicker, PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { SUBJECTS } from '../../recordings/components/subjects';
import { ACTIVITY_KINDS, createActivity, getActivity, listRubricOptions, updateActivity } from '../api/activities.api';
import { getGroup } from '../api/groups.api';
import { type MemberOption, MembersPicker, useMemberOptions } from '../components/MembersPicker';
import { type SchoolChoice, SchoolsPicker } from '../components/SchoolsPicker';

interface Values {
  kind: ActivityKind;
  topic: string;
  subject: string;
  grade?: string;
  description?: string;
  schools: SchoolChoice[];
  teacherIds?: number[];
  observerIds?: number[];
  dates: [Dayjs, Dayjs];
  reviewDeadline?: Dayjs | null;
  rubricId?: number | null;
  stIntervalSeconds?: number;
}

const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '高一', '高二', '高三', '小班', '中班', '大班'];

function initialOf(a: ActivityDetail): Partial<Values> {
  return {
    kind: a.kind, topic: a.topic, subject: a.subject, grade: a.grade, description: a.description,
    schools: a.schools.map((s) => ({ id: s.id, name: s.name, countyId: s.countyId, countyName: s.countyName })),
    teacherIds: a.members.filter((m) => m.role === 'teacher').map((m) => m.userId),
    observerIds: a.members.filter((m) => m.role === 'observer').map((m) => m.userId),
    dates: [dayjs(a.startsOn), dayjs(a.endsOn)], reviewDeadline: a.reviewDeadline ? dayjs(a.reviewDeadline) : null,
    rubricId: a.rubricId, stIntervalSeconds: a.stIntervalSeconds,
  };
}

/**
 * Creates an activity (/research/activities/new, optionally ?groupId= for a group's) or edits one
 * (/research/activities/:id/edit): kind, topic, schools by county, the teachers and observers,
 * the schedule and review deadline, the observation rubric and the S-T interval.
 */
export default function ActivityFormPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = Number(useParams().id) || null;
  const groupId = Number(useSearchParams()[0].get('groupId')) || null;
  const existing = useApi((signal) => (id ? getActivity(id, signal) : Promise.resolve(null)), [id]);
  const gid = id ? existing.data?.groupId ?? null : groupId;
  const group = useApi((signal) => (gid ? getGroup(gid, signal) : Promise.resolve(null)), [gid]);
  const rubrics = useApi((signal) => listRubricOptions(signal), []);
  const [form] = Form.useForm<Values>();
  const schools: SchoolChoice[] = Form.useWatch('schools', form) ?? [];
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Who may be invited: the group's members and the current members (their names) besides the schools' people.
  const known = useMemo<MemberOption[]>(() => [
    ...(group.data?.members ?? []).map((m) => ({ userId: m.userId, name: m.name, place: m.schoolName ?? group.data!.name })),
    ...(existing.data?.members ?? []).map((m) => ({ userId: m.userId, name: m.name, place: m.schoolName ?? t('researchActivities.members.officer') })),
  ], [group.data, existing.data, t]);
  const people = useMemberOptions(schools, known);
  const groupSchools = useMemo<SchoolChoice[]>(() => {
    const out = new Map<number, SchoolChoice>();
    for (const m of group.data?.members ?? []) {
      if (m.schoolId !== null && m.schoolName) out.set(m.schoolId, { id: m.schoolId, name: m.schoolName, countyId: 0, countyName: group.data!.nodeName });
    }
    return [...out.values()];
  }, [group.data]);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(initialOf(existing.data));
  }, [existing.data, form]);

  if (id && existing.error) return <ErrorAlert error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <FullPageSpin height={320} />;

  async function onFinish(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const body = {
        kind: values.kind, topic: values.topic.trim(), subject: values.subject.trim(), grade: values.grade?.trim() ?? '',
        description: values.description?.trim() ?? '', schoolIds: values.schools.map((s) => s.id),
        members: [
          ...(values.teacherIds ?? []).map((userId) => ({ userId, role: 'teacher' as const })),
          ...(values.observerIds ?? []).map((userId) => ({ userId, role: 'observer' as const })),
        ],
        startsOn: values.dates[0].format('YYYY-MM-DD'), endsOn: values.dates[1].format('YYYY-MM-DD'),
        reviewDeadline: values.reviewDeadline ? values.reviewDeadline.toISOString() : null,
        rubricId: values.rubricId ?? null, stIntervalSeconds: values.stIntervalSeconds ?? 30,
      };
      const saved = id ? await updateActivity(id, body) : await createActivity({ ...body, groupId });
      void message.success(t('common.saved'));
      navigate(`/research/activities/${saved.id}`, { replace: !!id });
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  }

  const title = id ? t('researchActivities.edit') : t('researchActivities.create');
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[
        { title: <Link to="/research">{t('researchActivities.title')}</Link> },
        ...(existing.data ? [{ title: <Link to={`/research/activities/${existing.data.id}`}>{existing.data.topic}</Link> }] : []),
        { title },
      ]} />
      <Card variant="borderless" title={title}>
        {group.data ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('researchActivities.form.forGroup', { name: group.data.name })} />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ kind: 'same_topic', schools: [], stIntervalSeconds: 30, subject: group.data?.subject || undefined }}
          data-testid="activity-form"
          style={{ maxWidth: 960 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('researchActivities.form.kind')} rules={[{ required: true }]}>
                <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`researchActivities.kinds.${k}`) }))} data-testid="activity-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="topic" label={t('researchActivities.form.topic')} rules={[{ required: true, whitespace: true, message: t('researchActivities.form.topicRequired') }]}>
                <Input maxLength={100} placeholder={t('researchActivities.form.topicPlaceholder')} data-testid="activity-topic" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="subject" label={t('researchActivities.form.subject')} rules={[{ required: true, whitespace: true, message: t('researchActivities.form.subjectRequired') }]}>
                <AutoComplete options={SUBJECTS.map((value) => ({ value }))} maxLength={20} data-testid="activity-subject" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="grade" label={t('researchActivities.form.grade')}>
                <AutoComplete options={GRADES.map((value) => ({ value }))} maxLength={20} data-testid="activity-grade" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="dates" label={t('researchActivities.form.dates')} rules={[{ required: true, message: t('researchActivities.form.datesRequired') }]}>
                <PlatformDatePicker.RangePicker style={{ width: '100%' }} data-testid="activity-dates" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="schools"
            label={t('researchActivities.form.schools')}
            rules={[{ validator: async (_, value?: SchoolChoice[]) => { if (!value?.length) throw new Error(t('researchActivities.form.schoolsRequired')); } }]}
          >
            <SchoolsPicker extra={groupSchools} />
          </Form.Item>
          <MembersPicker options={people.options} loading={people.loading} exclude={existing.data?.organiserUserId ?? me.id} />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="reviewDeadline" label={t('researchActivities.form.reviewDeadline')} extra={t('researchActivities.form.reviewDeadlineHelp')}>
                <InstantPicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="rubricId" label={t('researchActivities.form.rubric')} extra={rubrics.data?.length === 0 ? t('researchActivities.form.noRubrics') : undefined}>
                <Select allowClear loading={rubrics.loading} options={(rubrics.data ?? []).map((r) => ({ value: r.id, label: r.name }))} placeholder={t('researchActivities.form.rubricPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="stIntervalSeconds" label={t('researchActivities.form.stInterval')}>
                <InputNumber min={5} max={300} step={5} suffix={t('researchActivities.form.seconds')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('researchActivities.form.description')}>
            <Input.TextArea rows={4} maxLength={5000} placeholder={t('researchActivities.form.descriptionPlaceholder')} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-activity">{t('common.save')}</Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>{t('researchActivities.form.reachHelp')}</Typography.Paragraph>
        </Form>
      </Card>
    </Flex>
  );
}
