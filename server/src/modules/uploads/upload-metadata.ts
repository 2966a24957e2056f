import { TRACKS, type Track } from '../recordings/recordings.schema.js';
import { isIsoDate } from '../../../../shared/dates.js';

/**
 * The tus Upload-Metadata of a lesson upload, as docs/devices.md defines its keys (plus
 * `schoolId`, which only staff uploads from the browser send). Values arrive decoded.
 */
export interface UploadMetadata {
  filename: string | null;
  roomId: number | null;
  schoolId: number | null;
  lessonStart: string;
  lessonEnd: string | null;
  subject: string;
  grade: string;
  classId: number | null;
  teacher: string;
  title: string;
  track: Track;
  groupId: string;
  sha256: string | null;
}

export class MetadataError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EXAMPLE = '例如 2018-04-04T10:00:00+08:00';

function instant(raw: string | null | undefined, key: string, label: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (!ISO_WITH_OFFSET.test(raw) || !isIsoDate(raw.slice(0, 10)) || Number.isNaN(new Date(raw).getTime())) {
    throw new MetadataError('UPLOAD_METADATA_INVALID', `${key}（${label}）格式不正确：须为带时区的 ISO 8601 时间，${EXAMPLE}，收到 ${raw.slice(0, 40)}`);
  }
  return raw;
}

function text(raw: string | null | undefined, key: string, label: string, max: number): string {
  const v = (raw ?? '').trim();
  if (v.length > max) throw new MetadataError('UPLOAD_METADATA_INVALID', `${key}（${label}）过长：最多 ${max} 个字符`);
  return v;
}

function id(raw: string | null | undefined, key: string, label: string): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new MetadataError('UPLOAD_METADATA_INVALID', `${key}（${label}）须为正整数，收到 ${raw.slice(0, 20)}`);
  return Number(raw);
}

/** Checks and normalises the metadata; throws MetadataError (HTTP 400) naming the key at fault. */
export function parseUploadMetadata(raw: Record<string, string | null | undefined>): UploadMetadata {
  const lessonStart = instant(raw.lessonStart, 'lessonStart', '课程开始时间');
  if (!lessonStart) {
    throw new MetadataError('UPLOAD_METADATA_MISSING', `缺少 lessonStart（课程开始时间）：请在 Upload-Metadata 中发送带时区的 ISO 8601 时间，${EXAMPLE}`);
  }
  const lessonEnd = instant(raw.lessonEnd, 'lessonEnd', '课程结束时间');
  if (lessonEnd && new Date(lessonEnd) <= new Date(lessonStart)) {
    throw new MetadataError('UPLOAD_METADATA_INVALID', 'lessonEnd（课程结束时间）须晚于 lessonStart（课程开始时间）');
  }
  const track = raw.track ?? '';
  if (!track) throw new MetadataError('UPLOAD_METADATA_MISSING', `缺少 track（机位）：须为 ${TRACKS.join('、')} 之一`);
  if (!(TRACKS as readonly string[]).includes(track)) {
    throw new MetadataError('UPLOAD_METADATA_INVALID', `track（机位）“${track.slice(0, 20)}”无效：须为 ${TRACKS.join('、')} 之一`);
  }
  const groupId = raw.groupId ?? '';
  if (!groupId) throw new MetadataError('UPLOAD_METADATA_MISSING', '缺少 groupId（同一节课各机位共用的编号）：请为每节课生成一个 UUID，并随该课每个机位的上传发送');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(groupId)) {
    throw new MetadataError('UPLOAD_METADATA_INVALID', 'groupId 须为 1–64 个字母、数字、- 或 _（建议使用 UUID）');
  }
  const sha256 = raw.sha256 ? raw.sha256.trim() : null;
  if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256)) {
    throw new MetadataError('UPLOAD_METADATA_INVALID', 'sha256 须为 64 位小写十六进制的整个文件的 SHA-256 值');
  }
  const subject = text(raw.subject, 'subject', '学科', 20);
  const teacher = text(raw.teacher, 'teacher', '授课教师', 30);
  const filename = text(raw.filename, 'filename', '文件名', 255) || null;
  const title = text(raw.title, 'title', '标题', 100) || [subject, teacher].filter(Boolean).join(' · ') || filename || '课堂录像';
  return {
    filename, lessonStart, lessonEnd, track: track as Track, groupId, sha256, subject, teacher, title,
    roomId: id(raw.roomId, 'roomId', '录播室编号'),
    schoolId: id(raw.schoolId, 'schoolId', '学校编号'),
    classId: id(raw.classId, 'classId', '班级编号'),
    grade: text(raw.grade, 'grade', '年级', 20),
  };
}

/** The source's extension from its file name (`mp4`), or `bin`. */
export function extensionOf(filename: string | null): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename ?? '');
  return m ? m[1]!.toLowerCase() : 'bin';
}
