import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { NewResource, ResourceDetail } from '@shared/resources-library-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getRecording, listRecordings } from '../../recordings/api/recordings.api';
import { SUBJECTS } from '../../recordings/components/subjects';
import { listGrades } from '../../schools/api/schools.api';
import { getResource, publishResource, updateResource } from '../api/resources.api';

type FormValues = Omit<NewResource, 'recordingId'> & { recordingId?: number };

const STAGES = ['preschool', 'primary', 'junior', 'senior'] as const;
const SCOPES = ['school', 'county', 'city', 'public'] as const;

/**
 * Publishing to the library (/resources/publish?recording=…) and editing a resource
 * (/resources/:id/edit, which resubmits it to the school's review). A lesson comes from a ready
 * recorded lesson of the school; its class on video decides, through consent, the widest scope.
 */
export default function PublishPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const editId = Number(useParams().id) || null;
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const existing = useApi<ResourceDetail | null>((signal) => (editId ? getResource(editId, signal) : Promise.resolve(null)), [editId]);
  const kind = Form.useWatch('kind', form) ?? (params.get('recording') ? 'lesson' : 'courseware');
  const recordingId = Form.useWatch('recordingId', form) ?? (Number(params.get('recording')) || undefined);

  // Ready lessons the person reaches, one per lesson (tracks of one lesson share a group).
  const lessons = useApi((signal) => (editId ? Promise.resolve(null) : listRecordings({ status: 'ready', page: 1, pageSize: 100 }, signal)), [editId]);
  const lessonOptions = useMemo(() => {
    const seen = new Set<string>();
    return (lessons.data?.items ?? []).filter((r) => !seen.has(`${r.schoolId}:${r.groupId}`) && seen.add(`${r.schoolId}:${r.groupId}`))
      .map((r) => ({ value: r.id, label: `${r.title} · ${r.teacherName || r.schoolName} · ${r.lessonStart.slice(0, 10)}` }));
  }, [lessons.data]);
  const recording = useApi((signal) => (recordingId && !editId ? getRecording(recordingId, signal) : Promise.resolve(null)), [recordingId, editId]);
  const schoolId = existing.data?.schoolId ?? recording.data?.schoolId;
  const grades = useApi((signal) => (schoolId ? listGrades(schoolId, signal) : Promise.resolve([])), [schoolId]);

  useEffect(() => {
    const r = existing.data;
    if (r) {
      form.setFieldsValue({
        kind: r.kind, title: r.title, description: r.description, stage: r.stage, subject: r.subject, grade: r.grade, edition: r.edition,
        volume: r.volume, unit: r.unit, lesson: r.lesson, tags: r.tags, requestedScope: r.requestedScope, classId: r.classId ?? undefined,
      });
    }
  }, [existing.data, form]);
  useEffect(() => {
    const r = recording.data;
    if (r && !editId) form.setFieldsValue({ title: form.getFieldValue('title') || r.title, subject: form.getFieldValue('subject') || r.subject, grade: form.getFieldValue('grade') || r.grade });
  }, [recording.data, editId, form]);

  if (editId && existing.error) return <ErrorAlert error={existing.error} onRetry={existing.reload} />;
  if (editId && !existing.data) return <FullPageSpin height={320} />;

  async function onFinish(values: FormValues) {
    setSaving(true);
    setFailure(null);
    try {
      const { kind: k, recordingId: rec, ...fields } = values;
      const clean = { ...fields, classId: k === 'lesson' ? fields.classId ?? undefined : undefined, tags: fields.tags ?? [] };
      const saved = editId ? await updateResource(editId, clean) : await publishResource({ ...clean, kind: k, ...(k === 'lesson' ? { recordingId: rec } : {}) });
      void message.success(t('resourcesLibrary.form.saved'));
      navigate(`/resources/${saved.id}`);
    } catch (reason) {
      setFailure(reason);
    } finally {
      setSaving(false);
    }
  }

  const classOptions = (grades.data ?? []).flatMap((g) => g.classes.map((c) => ({ value: c.id, label: `${g.name}${c.name}` })));
  return (
    <Card variant="borderless" title={editId ? t('resourcesLibrary.form.titleEdit') : t('resourcesLibrary.form.titleNew')}>
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/resources">{t('resourcesLibrary.title')}</Link> }, { title: editId ? t('resourcesLibrary.form.titleEdit') : t('resourcesLibrary.form.titleNew') }]} />
      <Form<FormValues> form={form} layout="vertical" style={{ maxWidth: 720 }} onFinish={onFinish} data-testid="publish-form"
        initialValues={{ kind, recordingId, stage: 'primary', requestedScope: 'school', tags: [] }}>
        <Form.Item name="kind" label={t('resourcesLibrary.form.kind')}>
          <Radio.Group disabled={!!editId} data-testid="publish-kind" options={(['lesson', 'courseware'] as const).map((k) => ({ value: k, label: t(`resourcesLibrary.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'lesson' && !editId ? (
          <Form.Item name="recordingId" label={t('resourcesLibrary.form.recording')} extra={t('resourcesLibrary.form.recordingHelp')}
            rules={[{ required: true, message: t('resourcesLibrary.form.recordingMissing') }]}>
            <Select showSearch optionFilterProp="label" loading={lessons.loading} data-testid="publish-recording"
              options={recording.data && !lessonOptions.some((o) => o.value === recording.data!.id)
                ? [{ value: recording.data.id, label: recording.data.title }, ...lessonOptions] : lessonOptions} />
          </Form.Item>
        ) : null}
        {kind === 'courseware' && !editId ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('resourcesLibrary.form.courseNote')} /> : null}
        <Form.Item name="title" label={t('resourcesLibrary.form.title')} rules={[{ required: true, whitespace: true, message: t('resourcesLibrary.form.titleRequired') }]}>
          <Input maxLength={100} data-testid="publish-title" />
        </Form.Item>
        <Form.Item name="description" label={t('resourcesLibrary.form.description')}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="publish-description" />
        </Form.Item>
        <Form.Item name="stage" label={t('resourcesLibrary.form.stage')}>
          <Select data-testid="publish-stage" options={STAGES.map((s) => ({ value: s, label: t(`resourcesLibrary.stages.${s}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('resourcesLibrary.form.subject')} rules={[{ required: true, message: t('resourcesLibrary.form.subjectRequired') }]}>
          <Select showSearch data-testid="publish-subject" options={SUBJECTS.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="grade" label={t('resourcesLibrary.form.grade')}><Input maxLength={20} data-testid="publish-grade" /></Form.Item>
        <Form.Item name="edition" label={t('resourcesLibrary.form.edition')}><Input maxLength={30} placeholder="人教版" data-testid="publish-edition" /></Form.Item>
        <Form.Item name="volume" label={t('resourcesLibrary.form.volume')}><Input maxLength={30} data-testid="publish-volume" /></Form.Item>
        <Form.Item name="unit" label={t('resourcesLibrary.form.unit')}><Input maxLength={60} data-testid="publish-unit" /></Form.Item>
        <Form.Item name="lesson" label={t('resourcesLibrary.form.lesson')}><Input maxLength={60} data-testid="publish-lesson" /></Form.Item>
        <Form.Item name="tags" label={t('resourcesLibrary.form.tags')} extra={t('resourcesLibrary.form.tagsHelp')}>
          <Select mode="tags" maxCount={10} data-testid="publish-tags" open={false} />
        </Form.Item>
        {kind === 'lesson' ? (
          <Form.Item name="classId" label={t('resourcesLibrary.form.classId')} extra={t('resourcesLibrary.form.classHelp')}>
            <Select allowClear showSearch optionFilterProp="label" loading={grades.loading} options={classOptions} data-testid="publish-class" />
          </Form.Item>
        ) : null}
        <Form.Item name="requestedScope" label={t('resourcesLibrary.form.scope')} extra={t('resourcesLibrary.form.scopeHelp')}>
          <Radio.Group data-testid="publish-scope" options={SCOPES.map((s) => ({ value: s, label: t(`resourcesLibrary.scopes.${s}`) }))} />
        </Form.Item>
        {failure ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(failure)} data-testid="publish-error" /> : null}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="publish-submit">{t('resourcesLibrary.form.submit')}</Button>
      </Form>
    </Card>
  );
}
