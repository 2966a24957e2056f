import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Divider, Empty, Flex, Input, Modal, Popconfirm, Rate, Select, Statistic, Typography } from 'antd';
import { BookOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ResourceEngagement as Engagement } from '@shared/resources-engagement-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { listActivities } from '../../research/api/activities.api';
import {
  deleteResourceComment, favouriteResource, keepResourceUse, listResourceComments, postResourceComment, rateResource, resourceEngagement,
  unfavouriteResource,
} from '../api/engagement.api';

const COMMENT_MAX = 2000;

/**
 * Using a resource, on its detail page: keeps one view per page visit (the server counts a reload
 * within 30 minutes once), shows views, downloads, preparations, favourites and the rating, and
 * lets the person favourite it, rate it (one rating, changeable), note “used in my lesson
 * preparation” (optionally for a research activity they take part in) and comment on it.
 */
export function ResourceEngagement({ resourceId }: { resourceId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [viewKept, setViewKept] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [busy, setBusy] = useState(false);
  const kept = useRef<number | null>(null);

  // One view per page visit: the ref stops React's development double effect and re-renders.
  useEffect(() => {
    if (kept.current === resourceId) return;
    kept.current = resourceId;
    setViewKept(false);
    keepResourceUse(resourceId, { kind: 'view' }).catch(() => undefined).finally(() => setViewKept(true));
  }, [resourceId]);

  const counts = useApi((signal) => (viewKept ? resourceEngagement(resourceId, signal) : Promise.resolve(undefined)), [resourceId, viewKept]);
  const [fresh, setFresh] = useState<Engagement | null>(null);
  useEffect(() => setFresh(null), [counts.data]);
  const e = fresh ?? counts.data;

  async function run<T>(action: () => Promise<T>, after?: (value: T) => void) {
    setBusy(true);
    try {
      after?.(await action());
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  if (counts.error) return <ErrorAlert error={counts.error} onRetry={counts.reload} />;
  if (!e) return <Card loading variant="borderless" />;

  const toggleFavourite = () => run(
    () => (e.mine.favourite ? unfavouriteResource(resourceId).then(() => null) : favouriteResource(resourceId)),
    (next) => (next ? setFresh(next) : counts.reload()),
  );

  return (
    <Card variant="borderless" title={t('resourcesUse.title')} data-testid="resource-engagement">
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title={t('resourcesUse.views')} value={e.views} />
        <Statistic title={t('resourcesUse.downloads')} value={e.downloads} />
        <Statistic title={t('resourcesUse.preparations')} value={e.preparations} />
        <Statistic title={t('resourcesUse.favourites')} value={e.favourites} />
        <div data-testid="resource-rating-average">
          <Statistic
            title={t('resourcesUse.rating')}
            value={e.rating.average ?? '—'}
            suffix={<Typography.Text type="secondary">{e.rating.count ? t('resourcesUse.ratingCount', { count: e.rating.count }) : t('resourcesUse.ratingNone')}</Typography.Text>}
          />
        </div>
      </Flex>
      {!e.published ? <Alert type="info" showIcon title={t('resourcesUse.notPublished')} style={{ marginBottom: 16 }} /> : (
        <Flex gap={16} wrap align="center">
          <Button
            icon={e.mine.favourite ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
            onClick={() => void toggleFavourite()}
            loading={busy}
            title={t('resourcesUse.favouriteHelp')}
            aria-pressed={e.mine.favourite}
            data-testid="resource-favourite"
          >
            {e.mine.favourite ? t('resourcesUse.unfavourite') : t('resourcesUse.favourite')}
          </Button>
          <Flex gap={8} align="center">
            <Typography.Text>{t('resourcesUse.myRating')}</Typography.Text>
            <span data-testid="resource-rating" data-stars={e.mine.stars ?? 0}>
              <Rate
                value={e.mine.stars ?? 0}
                allowClear={false}
                disabled={busy}
                aria-label={t('resourcesUse.myRating')}
                onChange={(stars) => void run(() => rateResource(resourceId, stars), (next) => { setFresh(next); void message.success(t('resourcesUse.rated', { stars })); })}
              />
            </span>
          </Flex>
          <Button icon={<BookOutlined />} onClick={() => setPreparing(true)} data-testid="resource-prepare">{t('resourcesUse.prepare')}</Button>
          {e.mine.preparations ? <Typography.Text type="secondary">{t('resourcesUse.preparedCount', { count: e.mine.preparations })}</Typography.Text> : null}
        </Flex>
      )}
      {preparing ? (
        <PrepareDialog
          resourceId={resourceId}
          onClose={() => setPreparing(false)}
          onKept={() => { setPreparing(false); counts.reload(); }}
        />
      ) : null}
      <Divider />
      <Comments resourceId={resourceId} published={e.published} onChange={counts.reload} />
    </Card>
  );
}

/** “Used in my lesson preparation”, with an optional research activity the person takes part in. */
function PrepareDialog({ resourceId, onClose, onKept }: { resourceId: number; onClose: () => void; onKept: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [activityId, setActivityId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const mayLink = can(me, 'research:read');
  const activities = useApi(
    (signal) => (mayLink ? listActivities({ view: 'mine', page: 1, pageSize: 100 }, signal) : Promise.resolve(undefined)),
    [mayLink],
  );

  async function save() {
    setBusy(true);
    try {
      const res = await keepResourceUse(resourceId, activityId === null ? { kind: 'prepare' } : { kind: 'prepare', activityId });
      void (res.kept ? message.success(t('resourcesUse.prepareOk')) : message.info(t('resourcesUse.prepareAgain')));
      onKept();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('resourcesUse.prepareTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('resourcesUse.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void save()} data-testid="resource-prepare-confirm">{t('resourcesUse.prepareConfirm')}</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('resourcesUse.prepareHelp')}</Typography.Paragraph>
      {mayLink ? (
        <Flex vertical gap={4}>
          <Typography.Text>{t('resourcesUse.prepareActivity')}</Typography.Text>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={activities.loading}
            value={activityId}
            onChange={(value) => setActivityId(value ?? null)}
            placeholder={t('resourcesUse.prepareActivityPlaceholder')}
            options={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.topic }))}
            aria-label={t('resourcesUse.prepareActivity')}
            data-testid="resource-prepare-activity"
          />
        </Flex>
      ) : null}
    </Modal>
  );
}

/** A resource's comments, newest first; the author (or the publisher's principal) deletes. */
function Comments({ resourceId, published, onChange }: { resourceId: number; published: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useApi((signal) => listResourceComments(resourceId, signal), [resourceId]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<unknown>, clear = false) {
    setBusy(true);
    try {
      await action();
      if (clear) setBody('');
      list.reload();
      onChange();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const data = list.data;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>{t('resourcesUse.comments', { count: data?.total ?? 0 })}</Typography.Title>
      {published ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            value={body}
            onChange={(event) => setBody(event.target.value)}
            placeholder={t('resourcesUse.commentPlaceholder')}
            maxLength={COMMENT_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="resource-comment-text"
          />
          <Flex justify="end">
            <Button type="primary" loading={busy} disabled={!body.trim()} onClick={() => void act(() => postResourceComment(resourceId, body.trim()), true)} data-testid="resource-comment-submit">
              {t('resourcesUse.commentSubmit')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {data && !data.items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resourcesUse.commentEmpty')} /> : null}
      {data?.items.map((c) => (
        <Flex key={c.id} vertical gap={2} data-testid="resource-comment">
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text strong>{c.author.name}</Typography.Text>
            <Typography.Text type="secondary">{formatInstant(c.createdAt)}</Typography.Text>
            {c.canDelete ? (
              <Popconfirm title={t('resourcesUse.commentDeleteConfirm')} okButtonProps={{ danger: true }} onConfirm={() => act(() => deleteResourceComment(resourceId, c.id))}>
                <Button type="link" size="small" danger data-testid="resource-comment-delete">{t('resourcesUse.commentDelete')}</Button>
              </Popconfirm>
            ) : null}
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.body}</Typography.Paragraph>
        </Flex>
      ))}
      {data && data.total > data.items.length ? (
        <Typography.Text type="secondary">{t('resourcesUse.commentsMore', { shown: data.items.length, total: data.total })}</Typography.Text>
      ) : null}
    </Flex>
  );
}
