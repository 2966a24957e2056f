import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import { CloudUploadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Track } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { platformTime } from '../../../app/time';
import { getRoom, TRACKS } from '../../rooms/api/rooms.api';
import type { UploadMetadataText } from '../api/uploads.api';
import { LessonFields, type LessonValues } from '../components/LessonFields';
import { PendingUploads } from '../components/PendingUploads';
import { TrackFileRow, type TrackRowHandle } from '../components/TrackFileRow';

const DRAFT_KEY = 'sunshine.uploadDraft';

interface Draft {
  groupId: string;
  values: Record<string, unknown>;
}

/** The lesson being entered, kept on this browser so a reload keeps the form and its group id. */
function loadDraft(): Draft {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null;
    if (draft?.groupId) return draft;
  } catch {
    // a damaged draft is dropped
  }
  return { groupId: crypto.randomUUID(), values: {} };
}

function saveDraft(groupId: string, values: LessonValues): void {
  const plain = { ...values, lessonStart: values.lessonStart?.toISOString(), lessonEnd: values.lessonEnd?.toISOString() };
  localStorage.setItem(DRAFT_KEY, JSON.stringify({ groupId, values: plain }));
}

function formValues(draft: Draft): LessonValues {
  const v = draft.values as LessonValues & { lessonStart?: string; lessonEnd?: string };
  return { ...v, lessonStart: v.lessonStart ? dayjs(v.lessonStart) : undefined, lessonEnd: v.lessonEnd ? dayjs(v.lessonEnd) : undefined };
}

let rowSeq = 0;

/**
 * Uploads a lesson from the browser: the lesson's details once, then one file per camera track
 * (they share a group id generated for the lesson). Uploads are resumable with tus: after a cut
 * or a reload, choosing the same file again continues where the server stopped.
 */
export default function UploadPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LessonValues>();
  const [draft, setDraft] = useState(loadDraft);
  const [rows, setRows] = useState<{ key: number; track?: Track }[]>(() => [{ key: ++rowSeq, track: 'composite' }]);
  const handles = useRef(new Map<number, TrackRowHandle>());
  const [starting, setStarting] = useState(false);

  // Schools the person may upload for: those of their principal and teacher roles.
  const schools = useMemo(() => {
    const seen = new Map<number, string>();
    for (const a of me.assignments) if ((a.role === 'principal' || a.role === 'teacher') && a.schoolId) seen.set(a.schoolId, a.scopeName ?? String(a.schoolId));
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me]);
  const roomId = Form.useWatch('roomId', form);
  const room = useApi((signal) => (roomId ? getRoom(roomId, signal) : Promise.resolve(null)), [roomId]);
  const allowed = room.data?.tracks ?? TRACKS;

  // A room records only its own tracks: move rows off any track it lacks.
  useEffect(() => {
    setRows((all) => {
      const taken = new Set<Track>();
      return all.map((row) => {
        const track = row.track && allowed.includes(row.track) && !taken.has(row.track) ? row.track : allowed.find((value) => !taken.has(value));
        if (track) taken.add(track);
        return track === row.track ? row : { ...row, track };
      });
    });
  }, [allowed]);

  useEffect(() => {
    const initial = formValues(draft);
    const isTeacher = me.assignments.some((a) => a.role === 'teacher');
    form.setFieldsValue({ ...initial, teacher: initial.teacher ?? (isTeacher ? me.name : undefined) });
    // Only when the lesson changes (a new group id), not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.groupId]);

  const register = useCallback((key: number, handle: TrackRowHandle | null) => {
    if (handle) handles.current.set(key, handle);
    else handles.current.delete(key);
  }, []);

  function newLesson() {
    localStorage.removeItem(DRAFT_KEY);
    form.resetFields();
    setRows([{ key: ++rowSeq, track: 'composite' }]);
    setDraft({ groupId: crypto.randomUUID(), values: {} });
  }

  async function startAll() {
    let values: LessonValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const waiting = rows.map((row) => handles.current.get(row.key)).filter((h): h is TrackRowHandle => Boolean(h && h.phase() === 'idle'));
    if (waiting.some((h) => !h.ready())) {
      void message.warning(t('upload.fileMissing'));
      return;
    }
    if (waiting.length === 0) return;
    const schoolId = values.schoolId ?? (schools.length === 1 ? schools[0]!.id : undefined);
    const lesson: UploadMetadataText = {
      schoolId: schoolId ? String(schoolId) : undefined,
      roomId: values.roomId ? String(values.roomId) : undefined,
      // With the +08:00 the lesson was entered in, whatever the browser's zone.
      lessonStart: platformTime(values.lessonStart!).format(),
      lessonEnd: values.lessonEnd ? platformTime(values.lessonEnd).format() : undefined,
      subject: values.subject?.trim(),
      grade: values.grade?.trim(),
      classId: values.classId ? String(values.classId) : undefined,
      teacher: values.teacher?.trim(),
      title: values.title?.trim(),
      groupId: draft.groupId,
    };
    setStarting(true);
    try {
      for (const handle of waiting) await handle.start(lesson);
    } finally {
      setStarting(false);
    }
  }

  const used = new Set(rows.map((row) => row.track));
  const trackOptions = (own?: Track) =>
    allowed.map((value) => ({ value, label: t(`tracks.${value}`), disabled: used.has(value) && value !== own }));

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('upload.title')} note={t('upload.note')} />
      <Alert type="info" showIcon title={t('upload.resumeTitle')} description={t('upload.resumeHelp')} data-testid="resume-help" />
      <PendingUploads />
      <Card
        variant="borderless"
        title={t('upload.lessonCard')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={newLesson}>
            {t('upload.newLesson')}
          </Button>
        }
      >
        <Form<LessonValues> form={form} layout="vertical" onValuesChange={(_, all) => saveDraft(draft.groupId, all)}>
          <LessonFields schools={schools} />
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('upload.groupId')}: <Typography.Text code style={{ fontSize: 12 }} data-testid="group-id">{draft.groupId}</Typography.Text>
        </Typography.Text>
      </Card>
      <Card variant="borderless" title={t('upload.filesCard')}>
        <Typography.Paragraph type="secondary">{t('upload.filesHelp')}</Typography.Paragraph>
        <Flex vertical gap={16} key={draft.groupId}>
          {rows.map((row, index) => (
            <TrackFileRow
              key={row.key}
              testId={`track-row-${index}`}
              tracks={trackOptions(row.track)}
              track={row.track}
              onTrack={(track) => setRows((all) => all.map((r) => (r.key === row.key ? { ...r, track } : r)))}
              onRemove={rows.length > 1 ? () => setRows((all) => all.filter((r) => r.key !== row.key)) : undefined}
              register={register}
              rowKey={row.key}
            />
          ))}
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button
            icon={<PlusOutlined />}
            disabled={rows.length >= allowed.length}
            onClick={() => setRows((all) => [...all, { key: ++rowSeq, track: allowed.find((value) => !used.has(value)) }])}
          >
            {t('upload.addTrack')}
          </Button>
          <Button type="primary" icon={<CloudUploadOutlined />} loading={starting} onClick={() => void startAll()} data-testid="start-upload">
            {t('upload.start')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
