import { useState } from 'react';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RolloutSchoolDetail } from '@shared/api-types';
import type { Role } from '@shared/domain';
import { useApi } from '../../../api/use-api';
import { useErrorText } from '../../../api/error-text';
import { listCandidates, setNamedPerson } from '../api/rollout.api';

/** The school's named person (专人负责), and for the department answering, a picker to name one. */
export function NamedPersonCard({ school, onSaved }: { school: RolloutSchoolDetail; onSaved: (s: RolloutSchoolDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const candidates = useApi((signal) => (school.canSetNamedPerson ? listCandidates(school.id, signal) : Promise.resolve({ items: [] })), [school.id, school.canSetNamedPerson]);
  const missing = school.overdue.some((o) => o.requirement === 'named_person');

  async function save() {
    if (picked === undefined) return;
    setSaving(true);
    try {
      onSaved(await setNamedPerson(school.id, picked));
      setPicked(undefined);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card variant="borderless" title={t('rollout.namedPerson')} data-testid="named-person">
      <Flex vertical gap={12}>
        {school.namedPerson ? (
          <Flex gap={8} align="center">
            <UserOutlined />
            <Typography.Text strong data-testid="named-person-name">{school.namedPerson.name}</Typography.Text>
            {school.namedPerson.since ? <Typography.Text type="secondary">{t('rollout.detail.namedSince', { day: school.namedPerson.since })}</Typography.Text> : null}
          </Flex>
        ) : (
          <Typography.Text type={missing ? 'danger' : 'secondary'}>{t('rollout.noNamedPerson')}</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rollout.detail.namedBy', { department: t(`departments.${school.programmeDepartment}`) })}
        </Typography.Text>
        {school.canSetNamedPerson ? (
          <Flex gap={8}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('rollout.detail.pickPerson')}
              loading={candidates.loading}
              value={picked}
              onChange={setPicked}
              options={(candidates.data?.items ?? []).map((c) => ({
                value: c.userId,
                label: `${c.name}（${c.department ? t(`departments.${c.department}`) : t(`roles.${c.role as Role}`)}）`,
              }))}
              style={{ flex: 1, minWidth: 180 }}
              data-testid="named-person-select"
            />
            <Button type="primary" disabled={picked === undefined} loading={saving} onClick={() => void save()} data-testid="named-person-save">
              {t('rollout.detail.setNamedPerson')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
