import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Modal, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChildConsent } from '@shared/consent-api-types';
import { CONSENT_LEVELS } from '@shared/resources';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { listGrades } from '../../schools/api/schools.api';
import { classConsents } from '../api/consent.api';
import { ChildConsentCard } from './ChildConsentCard';

/**
 * A class's pupils and their consent, for the school's principal and teachers: the class's least
 * level and so the widest scope its lessons may reach. The principal records a paper form.
 */
export function ClassConsentsCard({ schoolId, canRecord }: { schoolId: number; canRecord: boolean }) {
  const { t } = useTranslation();
  const grades = useApi((signal) => listGrades(schoolId, signal), [schoolId]);
  const [classId, setClassId] = useState<number | undefined>(undefined);
  const [paper, setPaper] = useState<ChildConsent | null>(null);
  const consents = useApi(async (signal) => (classId ? classConsents(classId, signal) : undefined), [classId]);
  const data = consents.data;

  return (
    <Card title={t('consent.classTitle')} variant="borderless">
      <Flex vertical gap={16}>
        {grades.error ? <ErrorAlert error={grades.error} onRetry={grades.reload} /> : null}
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('consent.pickClass')}
          loading={grades.loading}
          value={classId}
          onChange={setClassId}
          style={{ maxWidth: 320 }}
          data-testid="consent-class"
          options={(grades.data ?? []).map((g) => ({ label: g.name, title: g.name, options: g.classes.map((c) => ({ value: c.id, label: c.name })) }))}
        />
        {!canRecord ? <Alert type="info" showIcon title={t('consent.readOnlyNote')} /> : null}
        {consents.error ? <ErrorAlert error={consents.error} onRetry={consents.reload} /> : null}
        {data ? (
          <>
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered>
              <Descriptions.Item label={t('consent.least')}>
                <span data-testid="consent-class-least">{data.least ? t(`consent.levels.${data.least}`) : t('consent.noPupils')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('consent.cap')}>
                <span data-testid="consent-class-cap">{t(`consent.scopes.${data.cap}`)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('consent.counts')}>
                <Flex gap={4} wrap>
                  {CONSENT_LEVELS.map((l) => <Tag key={l}>{t(`consent.levels.${l}`)} {data.counts[l]}</Tag>)}
                </Flex>
              </Descriptions.Item>
            </Descriptions>
            <Table<ChildConsent>
              rowKey="studentId"
              size="small"
              loading={consents.loading}
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: t('consent.noPupils') }}
              columns={[
                { title: t('consent.studentNo'), dataIndex: 'studentNo', width: 140 },
                { title: t('consent.student'), dataIndex: 'name' },
                {
                  title: t('consent.level'), dataIndex: 'level',
                  render: (_: unknown, c) => (
                    <Flex gap={8} align="center" wrap>
                      <Tag color={c.level === data.least ? 'orange' : c.level === 'internal' ? 'default' : 'blue'}>{t(`consent.levels.${c.level}`)}</Tag>
                      {c.updatedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(c.updatedAt)}</Typography.Text> : null}
                    </Flex>
                  ),
                },
                ...(canRecord ? [{
                  title: t('consent.actions'), key: 'actions', width: 160,
                  render: (_: unknown, c: ChildConsent) => <Button size="small" onClick={() => setPaper(c)} data-testid={`consent-paper-${c.studentId}`}>{t('consent.recordPaper')}</Button>,
                }] : []),
              ]}
            />
          </>
        ) : null}
      </Flex>
      <Modal
        open={paper !== null}
        title={paper ? t('consent.recordPaperTitle', { name: paper.name }) : ''}
        footer={null}
        onCancel={() => { setPaper(null); consents.reload(); }}
        destroyOnHidden
        width={640}
      >
        {paper ? <ChildConsentCard child={paper} paperForm bordered={false} onSaved={() => consents.reload()} /> : null}
      </Modal>
    </Card>
  );
}
