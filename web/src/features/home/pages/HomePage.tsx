import { Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { AuditOutlined, BankOutlined, EnvironmentOutlined, HeartOutlined, SmileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeView } from '@shared/domain';
import type { CountySummary } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { roleLabel } from '../../../app/role-label';
import { platformTime } from '../../../app/time';
import { getOrgSummary } from '../../org/api/org.api';
import { homeSchool } from '../components/home-school';
import { SchoolHome } from '../components/SchoolHome';

function greetingKey(hour: number): 'home.morning' | 'home.afternoon' | 'home.evening' {
  return hour < 12 ? 'home.morning' : hour < 18 ? 'home.afternoon' : 'home.evening';
}

/** Home: a greeting, then what the person's roles look after (their school, or the counties' table). */
export default function HomePage() {
  const me = useMe();
  const { t } = useTranslation();
  const now = platformTime();
  // A principal or teacher opens on their own school; the county table is for those above it.
  const school = can(me, 'org:read') ? homeSchool(me) : null;
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.welcome', { name: me.name, greeting: t(greetingKey(now.hour())) })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.today', { date: now.format(t('home.dateFormat')) })}
          {me.assignments.length ? ` · ${me.assignments.map((a) => roleLabel(t, a)).join('，')}` : ''}
        </Typography.Text>
      </Card>
      {school ? <SchoolHome me={me} school={school} /> : can(me, 'org:read') ? <OrgSummaryCards /> : <NoOrgCard me={me} />}
    </Flex>
  );
}

function OrgSummaryCards() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => getOrgSummary(signal), []);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;

  const stats = [
    { key: 'counties', title: t('home.counties'), value: data?.counties, icon: <EnvironmentOutlined />, color: '#1f63d6' },
    { key: 'schools', title: t('home.schools'), value: data?.schools, icon: <BankOutlined />, color: '#13a8a8' },
    { key: 'kindergartens', title: t('home.kindergartens'), value: data?.kindergartens, icon: <SmileOutlined />, color: '#f7a400' },
    { key: 'poorVillage', title: t('home.poorVillage'), value: data?.poorVillage, icon: <HeartOutlined />, color: '#eb5757' },
  ];

  return (
    <>
      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col xs={12} lg={6} key={stat.key}>
            <Card variant="borderless" loading={loading && !data} data-testid={`summary-${stat.key}`}>
              <Statistic
                title={stat.title}
                value={stat.value ?? 0}
                prefix={<span style={{ color: stat.color, marginInlineEnd: 4 }}>{stat.icon}</span>}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless" title={t('home.byCounty')}>
        <Table<CountySummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.byCounty ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          columns={[
            {
              title: t('home.county'),
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/schools?countyId=${row.id}`}>{name}</Link>,
            },
            { title: t('home.code'), dataIndex: 'code' },
            { title: t('home.schools'), dataIndex: 'schools', align: 'right', sorter: (a, b) => a.schools - b.schools },
            { title: t('home.kindergartens'), dataIndex: 'kindergartens', align: 'right' },
            { title: t('home.primaryAndJunior'), dataIndex: 'primaryAndJunior', align: 'right' },
            { title: t('home.poorVillage'), dataIndex: 'poorVillage', align: 'right' },
          ]}
          summary={(rows) =>
            rows.length > 1 ? (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t('home.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                {(['schools', 'kindergartens', 'primaryAndJunior', 'poorVillage'] as const).map((key, i) => (
                  <Table.Summary.Cell index={i + 2} key={key} align="right">
                    {rows.reduce((sum, row) => sum + row[key], 0)}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </>
  );
}

/** For people whose roles do not read the org (the auditor, parents): where to go instead. */
function NoOrgCard({ me }: { me: MeView }) {
  const { t } = useTranslation();
  if (can(me, 'audit:read')) {
    return (
      <Card variant="borderless" data-testid="auditor-card">
        <Flex gap={16} align="flex-start">
          <AuditOutlined style={{ fontSize: 32, color: '#1f63d6' }} />
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('home.auditorTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('home.auditorText')}</Typography.Paragraph>
            <Link to="/audit">
              <Button type="primary">{t('home.auditorLink')}</Button>
            </Link>
          </div>
        </Flex>
      </Card>
    );
  }
  return (
    <Card variant="borderless">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('home.nothingTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('home.nothingText')}
      </Typography.Paragraph>
    </Card>
  );
}
