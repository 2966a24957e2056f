import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChildConsent, ConsentSaved } from '@shared/consent-api-types';
import type { ConsentLevel } from '@shared/resources';
import { useErrorText } from '../../../api/error-text';
import { formatInstant } from '../../../app/time';
import { setConsent } from '../api/consent.api';
import { ConsentHistoryList } from './ConsentHistoryList';
import { ConsentLevelPicker } from './ConsentLevelPicker';

/**
 * One child's consent: the four levels with what each means, saving, and the history. Reused by
 * the consent page (guardians; the principal's paper form) and later by the family app.
 * `paperForm`: the school records what a guardian signed on paper (a note says so).
 */
export function ChildConsentCard({ child, onSaved, paperForm = false, bordered = true }: {
  child: ChildConsent;
  onSaved?: (saved: ConsentSaved) => void;
  paperForm?: boolean;
  bordered?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [level, setLevel] = useState<ConsentLevel>(child.level);
  const [current, setCurrent] = useState<ConsentLevel>(child.level);
  const [updatedAt, setUpdatedAt] = useState<string | null>(child.updatedAt);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);

  async function save() {
    setSaving(true);
    try {
      const saved = await setConsent(child.studentId, level);
      setCurrent(saved.level);
      if (saved.changed) setUpdatedAt(new Date().toISOString());
      setVersion((v) => v + 1);
      const text = saved.changed ? t('consent.saved', { level: t(`consent.levels.${saved.level}`) }) : t('consent.unchanged');
      void message.success(saved.resourcesNarrowed ? `${text}；${t('consent.narrowedNotice', { count: saved.resourcesNarrowed })}` : text);
      onSaved?.(saved);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      variant={bordered ? 'outlined' : 'borderless'}
      title={<Flex gap={8} align="center" wrap><span>{child.name}</span><Typography.Text type="secondary">{child.className}</Typography.Text></Flex>}
      extra={<Tag color={current === 'internal' ? 'default' : 'blue'} data-testid="consent-current">{t(`consent.levels.${current}`)}</Tag>}
      data-testid={`child-consent-${child.studentId}`}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('consent.current')}：{updatedAt ? t('consent.updatedAt', { at: formatInstant(updatedAt) }) : t('consent.notSetYet')}
        </Typography.Text>
        {paperForm ? <Alert type="info" showIcon title={t('consent.paperNote')} /> : null}
        <ConsentLevelPicker value={level} onChange={setLevel} disabled={saving} />
        <Alert type="warning" showIcon title={t('consent.widenNote')} />
        <Flex justify="flex-end">
          <Button type="primary" loading={saving} disabled={level === current} onClick={() => void save()} data-testid="consent-save">{t('consent.save')}</Button>
        </Flex>
        <Collapse
          ghost
          items={[{ key: 'history', label: t('consent.history'), children: <ConsentHistoryList studentId={child.studentId} version={version} /> }]}
        />
      </Flex>
    </Card>
  );
}
