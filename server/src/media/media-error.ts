/**
 * Why a media step failed, with a stable code for the pipeline and a Chinese message for the
 * person who uploaded the file. `retryable` tells the job queue whether trying again can help:
 * a file that is not a video stays one, but a killed or crashed ffmpeg may succeed next time.
 */
export type MediaErrorCode =
  | 'MEDIA_NOT_VIDEO'
  | 'MEDIA_NO_VIDEO_STREAM'
  | 'MEDIA_TRUNCATED'
  | 'MEDIA_TOO_SHORT'
  | 'MEDIA_TOO_LONG'
  | 'MEDIA_FFMPEG_FAILED'
  | 'MEDIA_FFMPEG_MISSING'
  | 'MEDIA_ABORTED';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    /** Chinese, for the uploader: what is wrong and what to do. */
    message: string,
    /** English technical detail for logs (ffmpeg's stderr tail, the failing command). */
    readonly detail?: string,
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MediaError';
  }
}

export const isMediaError = (e: unknown): e is MediaError => e instanceof MediaError;

const RE_EXPORT = '请在录播主机上重新导出后再上传';

export const mediaErrors = {
  notVideo: (detail?: string) =>
    new MediaError(
      'MEDIA_NOT_VIDEO',
      '文件不是视频文件（无法识别的格式），请上传录播主机导出的 MP4 文件',
      detail,
    ),
  noVideoStream: (detail?: string) =>
    new MediaError(
      'MEDIA_NO_VIDEO_STREAM',
      '文件中没有视频画面（只有声音或其他数据），请上传包含画面的录像文件',
      detail,
    ),
  truncated: (detail?: string) =>
    new MediaError(
      'MEDIA_TRUNCATED',
      `视频文件不完整（可能录制未正常结束或文件被截断），${RE_EXPORT}`,
      detail,
    ),
  tooShort: (seconds: number, minSeconds: number) =>
    new MediaError(
      'MEDIA_TOO_SHORT',
      `视频时长仅 ${formatDuration(seconds)}，短于处理所需的 ${formatDuration(minSeconds)}，请确认上传的是完整的课堂录像`,
      `duration ${seconds}s < ${minSeconds}s`,
    ),
  tooLong: (seconds: number, maxSeconds: number) =>
    new MediaError(
      'MEDIA_TOO_LONG',
      `视频时长 ${formatDuration(seconds)}，超过单个录像 ${formatDuration(maxSeconds)} 的上限，请在录播主机上按节次分段导出后上传`,
      `duration ${seconds}s > ${maxSeconds}s`,
    ),
  ffmpegFailed: (detail: string) =>
    new MediaError(
      'MEDIA_FFMPEG_FAILED',
      '视频处理失败，系统会自动重试；多次失败时请联系平台管理员',
      detail,
      true,
    ),
  missing: (detail: string) =>
    new MediaError('MEDIA_FFMPEG_MISSING', '服务器未找到 ffmpeg，无法处理视频，请联系平台管理员', detail, true),
  aborted: (cause?: unknown) =>
    new MediaError('MEDIA_ABORTED', '视频处理已中止，系统会稍后重新处理', 'aborted', true, { cause }),
};

/** "1 小时 5 分 3 秒" style, for messages. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} 小时`);
  if (m) parts.push(`${m} 分`);
  if (rest || parts.length === 0) parts.push(`${rest} 秒`);
  return parts.join(' ');
}
