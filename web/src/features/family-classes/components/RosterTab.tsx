import { useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BindingRoster } from '@shared/family-binding-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { classRoster, removeGuardian } from '../api/family-classes.api';
import { ReasonModal } from './ReasonModal';
import { useAction } from './use-action';

type Pupil = BindingRoster['items'][number];
type Guardian = Pupil['guardians'][number];

/** A class's children with their guardians (relation, bound date); the class's staff remove a wrong one. */
export function RosterTab({ classId }: { classId: number }) {
  const { t } = useTranslation();
  const action = useAction();
  const roster = useApi((signal) => classRoster(classId, signal), [classId]);
  const [removing, setRemoving] = useState<{ pupil: Pupil; guardian: Guardian } | null>(null);
  const items = roster.data?.items ?? [];
  const bound = items.filter((p) => p.guardians.length > 0).length;

  return (
    <>
      {roster.error ? <ErrorAlert error={roster.error} onRetry={roster.reload} /> : null}
      {roster.data ? <Typography.Paragraph type="secondary">{t('familyClasses.roster.summary', { bound, total: items.length })}</Typography.Paragraph> : null}
      <Table<Pupil>
        rowKey="studentId"
        size="small"
        loading={roster.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('familyClasses.roster.empty') }}
        columns={[
          { title: t('familyClasses.roster.studentNo'), dataIndex: 'studentNo', width: 140 },
          { title: t('familyClasses.roster.name'), dataIndex: 'name', width: 120 },
          {
            title: t('familyClasses.roster.guardians'), key: 'guardians',
            render: (_: unknown, p) => (p.guardians.length === 0 ? <Tag>{t('familyClasses.roster.none')}</Tag> : (
              <Flex vertical gap={4}>
                {p.guardians.map((g) => (
                  <Flex key={g.userId} gap={8} align="center" wrap>
                    <span>{g.name}（{g.relation}）</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {g.boundAt ? t('familyClasses.roster.boundAt', { at: formatInstant(g.boundAt) }) : t('familyClasses.roster.registered')}
                    </Typography.Text>
                    <Button size="small" type="link" danger onClick={() => setRemoving({ pupil: p, guardian: g })} data-testid={`binding-remove-${p.studentId}-${g.userId}`}>
                      {t('familyClasses.roster.remove')}
                    </Button>
                  </Flex>
                ))}
              </Flex>
            )),
          },
        ]}
      />
      {removing ? (
        <ReasonModal
          title={t('familyClasses.roster.removeTitle', { label: removing.pupil.label, name: removing.guardian.name })}
          note={t('familyClasses.roster.removeNote')}
          onCancel={() => setRemoving(null)}
          onOk={async (reason) => {
            if (await action(() => removeGuardian(removing.pupil.studentId, removing.guardian.userId, reason), t('familyClasses.roster.removed'), roster.reload)) setRemoving(null);
          }}
        />
      ) : null}
    </>
  );
}
