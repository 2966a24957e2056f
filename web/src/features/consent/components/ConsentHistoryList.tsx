import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { consentHistory } from '../api/consent.api';

/** A child's consent changes, newest first; `version` reloads it after a save. */
export function ConsentHistoryList({ studentId, version = 0 }: { studentId: number; version?: number }) {
  const { t } = useTranslation();
  const history = useApi((signal) => consentHistory(studentId, signal), [studentId, version]);
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  return (
    <List
      size="small"
      loading={history.loading}
      dataSource={history.data?.items ?? []}
      locale={{ emptyText: t('consent.historyEmpty') }}
      data-testid="consent-history"
      renderItem={(c) => (
        <List.Item key={c.id}>
          <Typography.Text>{t('consent.historyLine', { from: t(`consent.levels.${c.fromLevel}`), to: t(`consent.levels.${c.toLevel}`) })}</Typography.Text>
          <Typography.Text type="secondary">
            {t(`consent.sources.${c.source}`)} · {t('consent.by', { name: c.byName })} · {formatInstant(c.at)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
