import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Divider, Empty, Flex, Typography } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LessonComments as CommentList } from '@shared/research-comments-types';
import { useErrorText } from '../../../../api/error-text';
import { useApi } from '../../../../api/use-api';
import { can } from '../../../../app/access';
import { useMe } from '../../../../app/auth';
import { ErrorAlert } from '../../../../app/components/ErrorAlert';
import type { PlayerMarker } from '../../../recordings/components/LessonPlayer';
import { listLessonComments, postLessonComment } from '../../api/comments.api';
import type { LessonToolContext } from '../../lesson-tools';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { isCommentShortcut } from './comment-shortcut';

const MARKER_TEXT = 24;

/** The timeline's markers: one per thread, at its time, named by its author and first words. */
function markersOf(list: CommentList | undefined, deletedText: string): PlayerMarker[] {
  return (list?.threads ?? []).map((thread) => ({
    key: String(thread.id),
    atMs: thread.atMs,
    label: `${thread.author.name}：${thread.deleted ? deletedText : thread.body.slice(0, MARKER_TEXT)}`,
  }));
}

/**
 * 评课 beside a lesson's player: "comment here" (or C) takes the player's moment on the lesson's
 * clock — after a click on the seek bar, that click's moment — and opens the form; the comments
 * list in time order, as threads, each time a link that seeks the player, each thread a marker on
 * the seek bar. Inside an activity they are its participants'; outside (activity null) they are
 * for whoever may watch the lesson. A `?comment=<id>` in the address (a notification's link)
 * seeks to that comment and shows it.
 */
export function LessonComments({ ctx }: { ctx: LessonToolContext }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const activityId = ctx.activity?.id ?? null;
  const { data, error, reload } = useApi((signal) => listLessonComments(ctx.recordingId, activityId, signal), [ctx.recordingId, activityId]);
  const [draftAt, setDraftAt] = useState<number | null>(null);
  const mayWrite = can(me, 'research:write') && (data?.reviewsOpen ?? false);
  const { player, showMarkers } = ctx;

  const deletedText = t('researchComments.deleted');
  const markers = useMemo(() => markersOf(data, deletedText), [data, deletedText]);
  useEffect(() => {
    showMarkers?.('comments', markers);
  }, [markers, showMarkers]);
  useEffect(() => () => showMarkers?.('comments', []), [showMarkers]);

  const commentHere = useCallback(() => {
    if (!player || !mayWrite) return;
    // Typing takes a while: the moment stays where it was taken.
    player.video.pause();
    setDraftAt(player.lessonMs());
  }, [player, mayWrite]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      commentHere();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commentHere]);

  // A notification's link names a comment: seek there once, and show its thread.
  const linked = Number(params.get('comment')) || null;
  const linkedThread = linked !== null ? data?.threads.find((x) => x.id === linked || x.replies.some((r) => r.id === linked)) : undefined;
  const sought = useRef<number | null>(null);
  useEffect(() => {
    if (!linkedThread || !player || sought.current === linkedThread.id) return;
    sought.current = linkedThread.id;
    player.seekLessonMs(linkedThread.atMs);
    document.querySelector(`[data-thread-id="${linkedThread.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [linkedThread, player]);

  async function post(body: string, rubricItemKey: string | null) {
    if (draftAt === null) return;
    try {
      await postLessonComment(ctx.recordingId, { activityId, atMs: draftAt, body, rubricItemKey });
      void message.success(t('researchComments.posted'));
      setDraftAt(null);
      reload();
    } catch (reason) {
      void message.error(errorText(reason));
    }
  }

  const seek = (atMs: number) => player?.seekLessonMs(atMs);
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  const tags = data?.rubricItems ?? [];

  return (
    <Flex vertical gap={12} data-testid="lesson-comments">
      <Flex gap={12} align="center" wrap>
        {can(me, 'research:write') ? (
          <Button type="primary" icon={<CommentOutlined />} onClick={commentHere} disabled={!player || !mayWrite} data-testid="comment-here">
            {t('researchComments.commentHere')} (C)
          </Button>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {player ? t('researchComments.shortcut') : t('researchComments.noPlayer')}
        </Typography.Text>
      </Flex>
      {data && !data.reviewsOpen ? <Alert type="info" showIcon title={t(ctx.activity?.status === 'planned' ? 'researchComments.notOpen' : 'researchComments.closed')} /> : null}
      {draftAt !== null ? (
        <CommentForm
          key={draftAt}
          atMs={draftAt}
          tags={tags}
          placeholder={t('researchComments.placeholder')}
          submitText={t('researchComments.submit')}
          onSubmit={post}
          onCancel={() => setDraftAt(null)}
          testId="comment-form"
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {activityId !== null ? t('researchComments.inActivity') : t('researchComments.outside')}
        {data ? ` ${t('researchComments.count', { count: data.total, cap: data.cap })}` : ''}
      </Typography.Text>
      {data && !data.threads.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('researchComments.empty')} /> : null}
      {data?.threads.map((thread, i) => (
        <div
          key={thread.id}
          data-thread-id={thread.id}
          style={linkedThread?.id === thread.id ? { background: 'rgba(250, 140, 22, 0.08)', borderRadius: 6, padding: 8, margin: -8 } : undefined}
        >
          {i > 0 ? <Divider style={{ margin: '4px 0 12px' }} /> : null}
          <CommentItem comment={thread} tags={tags} teacherUserId={data.teacherUserId} mayReply={mayWrite} onSeek={seek} onChanged={reload} isReply={false} />
          {thread.replies.length ? (
            <Flex vertical gap={10} style={{ marginTop: 8, marginLeft: 16, paddingLeft: 12, borderLeft: '2px solid rgba(0, 0, 0, 0.06)' }}>
              {thread.replies.map((reply) => (
                <CommentItem key={reply.id} comment={reply} tags={tags} teacherUserId={data.teacherUserId} mayReply={mayWrite} onSeek={seek} onChanged={reload} isReply />
              ))}
            </Flex>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}
