import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeatureLevel, ResourceScope, ReviewLevel, ReviewStage } from '@shared/resources';
import { narrowerScope, scopeAfterApproval, scopeRank } from '@shared/resources';
import type { ReviewRequest } from '@shared/resources-review-types';
import { useErrorText } from '../../../api/error-text';
import { reviewResource } from '../api/review.api';

/** What the buttons need to know of a resource. */
export interface ReviewTarget {
  id: number;
  title: string;
  reviewStage: ReviewStage;
  requestedScope: ResourceScope;
  visibleScope: ResourceScope | null;
  consentCap: ResourceScope | null;
  feature: FeatureLevel | null;
}

type Dialog = { kind: 'approve' } | { kind: 'approveFeature' } | { kind: 'return' } | { kind: 'feature' } | { kind: 'unfeature' } | null;

/** The scope the resource will reach once `level` approves (the server decides; this only explains it). */
function scopeAfter(r: ReviewTarget, level: ReviewLevel): ResourceScope {
  const granted = scopeAfterApproval(r.requestedScope, level);
  const wider = r.visibleScope && scopeRank(r.visibleScope) > scopeRank(granted) ? r.visibleScope : granted;
  return narrowerScope(narrowerScope(wider, r.requestedScope), r.consentCap ?? 'public');
}

/**
 * The reviewer's buttons for one resource: approve (with confirmation), approve and feature when
 * this approval publishes it, return with a required comment, feature / unfeature a published one.
 * `reviewAt`: the level the actor may act at now (null: not their turn); `canFeature`: the feature
 * levels they may give. The lead places it on the resource's detail page; the queue uses it per row.
 */
export function ReviewActions({ resource, reviewAt, canFeature, onDone, size = 'middle' }: {
  resource: ReviewTarget; reviewAt: ReviewLevel | null; canFeature: FeatureLevel[]; onDone: () => void; size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment?: string; feature?: FeatureLevel }>();
  const publishesNow = reviewAt !== null && reviewAt !== 'school' && (reviewAt === 'city' || resource.requestedScope === 'county');
  const featureChoices: FeatureLevel[] = reviewAt === 'city' ? ['quality', 'premium'] : reviewAt === 'county' ? ['quality'] : canFeature;

  async function send(body: ReviewRequest, done: 'approve' | 'return' | 'feature' | 'unfeature') {
    setBusy(true);
    try {
      await reviewResource(resource.id, body);
      void message.success(t(`resourcesReview.done.${done}`));
      setDialog(null);
      form.resetFields();
      onDone();
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    const v = await form.validateFields();
    const comment = v.comment?.trim() || undefined;
    if (dialog?.kind === 'approve') await send({ decision: 'approve', comment }, 'approve');
    else if (dialog?.kind === 'approveFeature') await send({ decision: 'approve', comment, feature: v.feature }, 'feature');
    else if (dialog?.kind === 'return') await send({ decision: 'return', comment }, 'return');
    else if (dialog?.kind === 'feature') await send({ decision: 'feature', comment, feature: v.feature }, 'feature');
    else if (dialog?.kind === 'unfeature') await send({ decision: 'unfeature', comment }, 'unfeature');
  }

  const titleOf: Record<NonNullable<Dialog>['kind'], string> = {
    approve: t('resourcesReview.approve'), approveFeature: t('resourcesReview.approveFeatureTitle'), return: t('resourcesReview.returnTitle'),
    feature: t('resourcesReview.featureTitle'), unfeature: t('resourcesReview.unfeature'),
  };
  const choosesFeature = dialog?.kind === 'approveFeature' || dialog?.kind === 'feature';
  const published = resource.reviewStage === 'done';

  return (
    <>
      <Flex gap={6} wrap onClick={(e) => e.stopPropagation()}>
        {reviewAt ? (
          <>
            <Button size={size} type="primary" onClick={() => setDialog({ kind: 'approve' })} data-testid="review-approve">{t('resourcesReview.approve')}</Button>
            {publishesNow ? <Button size={size} onClick={() => setDialog({ kind: 'approveFeature' })} data-testid="review-approve-feature">{t('resourcesReview.approveFeature')}</Button> : null}
            <Button size={size} danger onClick={() => setDialog({ kind: 'return' })} data-testid="review-return">{t('resourcesReview.return')}</Button>
          </>
        ) : null}
        {published && canFeature.length ? <Button size={size} onClick={() => setDialog({ kind: 'feature' })} data-testid="review-feature">{t('resourcesReview.feature')}</Button> : null}
        {published && canFeature.length && resource.feature ? <Button size={size} onClick={() => setDialog({ kind: 'unfeature' })} data-testid="review-unfeature">{t('resourcesReview.unfeature')}</Button> : null}
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog ? titleOf[dialog.kind] : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, danger: dialog?.kind === 'return', 'data-testid': 'review-confirm' } as never}
        onOk={() => void confirm()}
        onCancel={() => { setDialog(null); form.resetFields(); }}
        destroyOnHidden
      >
        {dialog?.kind === 'approve' || dialog?.kind === 'approveFeature' ? (
          <Typography.Paragraph>
            {t('resourcesReview.approveConfirm', { title: resource.title, scope: t(`resourcesReview.scopes.${scopeAfter(resource, reviewAt ?? 'school')}`) })}
          </Typography.Paragraph>
        ) : null}
        {dialog?.kind === 'unfeature' ? <Typography.Paragraph>{t('resourcesReview.unfeatureConfirm', { title: resource.title })}</Typography.Paragraph> : null}
        <Form form={form} layout="vertical" initialValues={{ feature: featureChoices[0] }}>
          {choosesFeature ? (
            <Form.Item name="feature" label={t('resourcesReview.featureLevel')} extra={t('resourcesReview.featureHint')} rules={[{ required: true }]}>
              <Radio.Group options={featureChoices.map((f) => ({ value: f, label: t(`resourcesReview.features.${f}`) }))} data-testid="review-feature-level" />
            </Form.Item>
          ) : null}
          <Form.Item
            name="comment"
            label={dialog?.kind === 'return' ? t('resourcesReview.comment') : t('resourcesReview.commentOptional')}
            rules={dialog?.kind === 'return' ? [{ required: true, whitespace: true, message: t('resourcesReview.commentRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="review-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
