import { useState } from 'react';
import { App, Button, Card, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { reviewHistory, submitResource } from '../api/review.api';
import { ReviewActions } from './ReviewActions';
import { ReviewHistory } from './ReviewHistory';

/**
 * The review part of a resource's detail page: its stage, the reviewer's buttons (when it is their
 * turn, or it may be featured), the publisher's resubmit button, and the history. Only for those
 * the history is open to (its publisher and its school's supervisors); for anyone else the server
 * answers 403 and the panel shows nothing.
 */
export function ReviewPanel({ resourceId, title, onChanged }: { resourceId: number; title: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const { data, error, reload } = useApi((signal) => reviewHistory(resourceId, signal), [resourceId]);
  if (error instanceof ApiError && error.status === 403) return null;
  const changed = () => { reload(); onChanged?.(); };

  async function resubmit() {
    setBusy(true);
    try {
      await submitResource(resourceId);
      void message.success(t('resourcesReview.done.submit'));
      changed();
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={t('resourcesReview.historyTitle')}
      variant="borderless"
      extra={data ? <Tag color={data.reviewStage === 'done' ? 'success' : data.reviewStage === 'returned' ? 'error' : 'processing'}>{t(`resourcesReview.stages.${data.reviewStage}`)}</Tag> : null}
      data-testid="review-panel"
    >
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <ReviewActions resource={{ ...data, id: resourceId, title }} reviewAt={data.canReviewAt[0] ?? null} canFeature={data.canFeature} onDone={changed} />
            {data.canSubmit ? <Button type="primary" loading={busy} onClick={() => void resubmit()} data-testid="review-resubmit">{t('resourcesReview.resubmit')}</Button> : null}
          </Flex>
          <ReviewHistory items={data.items} />
        </>
      ) : null}
    </Card>
  );
}
