import * as tus from 'tus-js-client';
import type { LessonUploadMetadata } from '@shared/api-types';
import { ApiError, currentCsrfToken } from '../../../api/client';

/** Metadata keys as docs/devices.md names them; values are text, base64-encoded by tus. */
export type UploadMetadataKey = keyof LessonUploadMetadata;
export type UploadMetadataText = Partial<Record<UploadMetadataKey, string>>;

// Through proxies and weak links, a cut then costs at most one chunk (docs/devices.md).
const CHUNK_BYTES = 16 * 1024 * 1024;
// A village link may drop for a while: keep retrying for a few minutes before asking the user.
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000];

/** The tus endpoint, absolute: part of every upload's fingerprint, so it must not vary. */
export function uploadEndpoint(): string {
  return `${window.location.origin}/api/uploads`;
}

/**
 * tus-js-client's fingerprint (file name, type, size, modification time, endpoint) plus the
 * uploader: on a computer staff share, one person's unfinished uploads are not offered to another.
 */
async function fingerprintOf(file: File, owner: number): Promise<string> {
  return `${await tus.defaultOptions.fingerprint(file, { endpoint: uploadEndpoint() })}#u${owner}`;
}

export interface UploadHandlers {
  onProgress: (sent: number, total: number) => void;
  onSuccess: (recordingId: number | null) => void;
  onError: (error: unknown) => void;
}

/** An ApiError from a failed tus request (the server answers `{ code, message }`). */
function toApiError(error: Error): ApiError {
  const response = (error as tus.DetailedError).originalResponse;
  if (!response) return new ApiError(0, 'NETWORK', error.message);
  try {
    const body = JSON.parse(response.getBody()) as { code?: string; message?: string };
    return new ApiError(response.getStatus(), body.code ?? `HTTP_${response.getStatus()}`, body.message ?? '');
  } catch {
    return new ApiError(response.getStatus(), response.getStatus() >= 500 ? 'SERVER' : `HTTP_${response.getStatus()}`, '');
  }
}

/**
 * A resumable tus upload of one track. Its URL is kept in localStorage under the file's
 * fingerprint (name, type, size, modification time), so after a reload or a cut, choosing the
 * same file again continues where the server says it stopped.
 */
export function createUpload(file: File, owner: number, metadata: UploadMetadataText, handlers: UploadHandlers): tus.Upload {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) if (value) clean[key] = value;
  const upload: tus.Upload = new tus.Upload(file, {
    endpoint: uploadEndpoint(),
    fingerprint: (input) => fingerprintOf(input, owner),
    metadata: clean,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onBeforeRequest: (req) => {
      const token = currentCsrfToken();
      if (token) req.setHeader('x-csrf-token', token);
    },
    onProgress: handlers.onProgress,
    onSuccess: ({ lastResponse }) => {
      const id = Number(lastResponse.getHeader('Sunshine-Recording-Id'));
      if (Number.isInteger(id) && id > 0) handlers.onSuccess(id);
      else void recordingOfUpload(upload.url).then(handlers.onSuccess, () => handlers.onSuccess(null));
    },
    onError: (error) => handlers.onError(toApiError(error)),
    // A refusal (400 metadata, 403, 404/410 gone, 413 too large) will not change on retry.
    onShouldRetry: (error) => {
      const status = error.originalResponse?.getStatus() ?? 0;
      return status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;
    },
  });
  return upload;
}

/** The recording a finished upload became, from the upload's status (GET /api/uploads/:id). */
async function recordingOfUpload(url: string | null): Promise<number | null> {
  if (!url) return null;
  const token = currentCsrfToken();
  const response = await fetch(url, { headers: token ? { 'x-csrf-token': token } : {}, credentials: 'same-origin' });
  if (!response.ok) return null;
  return ((await response.json()) as { recordingId: number | null }).recordingId;
}

/** Starts the upload, continuing an earlier one of the same file if this browser has it. */
export async function startOrResume(upload: tus.Upload): Promise<{ resumed: boolean }> {
  const previous = await upload.findPreviousUploads();
  const same = previous.find((entry) => entry.uploadUrl);
  if (same) upload.resumeFromPreviousUpload(same);
  upload.start();
  return { resumed: Boolean(same) };
}

export type PendingUpload = tus.PreviousUpload & { fingerprint: string };

/** Uploads this person began in this browser and did not finish (a reload, a closed tab, a cut), newest first. */
export async function findPendingUploads(owner: number): Promise<PendingUpload[]> {
  const mine = `${uploadEndpoint()}#u${owner}`;
  const all = await tus.defaultOptions.urlStorage.findAllUploads();
  return all
    .map((entry) => ({ ...entry, fingerprint: entry.urlStorageKey.replace(/^tus::/, '').replace(/::[^:]*$/, '') }))
    .filter((entry) => entry.uploadUrl && entry.fingerprint.endsWith(mine))
    .sort((a, b) => b.creationTime.localeCompare(a.creationTime));
}

/** True when `file` is the file a pending upload was made from. */
export async function isSameFile(file: File, owner: number, pending: PendingUpload): Promise<boolean> {
  return (await fingerprintOf(file, owner)) === pending.fingerprint;
}

/** How many bytes of a pending upload the server holds (tus HEAD), or null when it is gone. */
export async function pendingOffset(pending: PendingUpload): Promise<number | null> {
  const response = await fetch(new URL(pending.uploadUrl!, uploadEndpoint()), { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' }, credentials: 'same-origin' });
  if (!response.ok) return null;
  return Number(response.headers.get('Upload-Offset'));
}

/** Cancels a pending upload on the server (its bytes are deleted) and forgets it here. */
export async function discardPending(pending: PendingUpload): Promise<void> {
  const token = currentCsrfToken();
  try {
    await tus.Upload.terminate(new URL(pending.uploadUrl!, uploadEndpoint()).toString(), { headers: token ? { 'x-csrf-token': token } : {}, retryDelays: null });
  } catch {
    // Already gone (expired, finished or cancelled): forgetting it is all that is left.
  }
  await tus.defaultOptions.urlStorage.removeUpload(pending.urlStorageKey);
}

/** Forgets a pending upload the server no longer has. */
export function forgetPending(pending: PendingUpload): Promise<void> {
  return tus.defaultOptions.urlStorage.removeUpload(pending.urlStorageKey);
}
