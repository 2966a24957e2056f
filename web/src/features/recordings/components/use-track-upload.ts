import { useCallback, useEffect, useRef, useState } from 'react';
import type { Upload } from 'tus-js-client';
import { useMe } from '../../../app/auth';
import { createUpload, startOrResume, type PendingUpload, type UploadMetadataText } from '../api/uploads.api';

export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'done' | 'error';

export interface TrackUploadState {
  phase: UploadPhase;
  sent: number;
  total: number;
  /** True when it continued an earlier upload of the same file (after a reload or a cut). */
  resumed: boolean;
  error: unknown;
  recordingId: number | null;
}

const IDLE: TrackUploadState = { phase: 'idle', sent: 0, total: 0, resumed: false, error: null, recordingId: null };

/** One track's tus upload as React state: start (or continue), pause, go on, and its progress. */
export function useTrackUpload() {
  const owner = useMe().id;
  const [state, setState] = useState<TrackUploadState>(IDLE);
  const upload = useRef<Upload | null>(null);

  // Leaving the page pauses; the stored URL lets the upload continue later.
  useEffect(() => () => void upload.current?.abort(), []);

  const start = useCallback(async (file: File, metadata: UploadMetadataText, pending?: PendingUpload) => {
    const next = createUpload(file, owner, metadata, {
      onProgress: (sent, total) => setState((s) => ({ ...s, phase: 'uploading', sent, total })),
      onSuccess: (recordingId) => setState((s) => ({ ...s, phase: 'done', sent: s.total, recordingId })),
      onError: (error) => setState((s) => ({ ...s, phase: 'error', error })),
    });
    upload.current = next;
    setState({ ...IDLE, phase: 'uploading', total: file.size });
    if (pending) {
      next.resumeFromPreviousUpload(pending);
      next.start();
      setState((s) => ({ ...s, resumed: true }));
    } else {
      const { resumed } = await startOrResume(next);
      setState((s) => ({ ...s, resumed }));
    }
  }, [owner]);

  const pause = useCallback(() => {
    void upload.current?.abort();
    setState((s) => ({ ...s, phase: 'paused' }));
  }, []);

  const proceed = useCallback(() => {
    if (!upload.current) return;
    setState((s) => ({ ...s, phase: 'uploading', error: null }));
    upload.current.start();
  }, []);

  return { state, start, pause, proceed };
}
