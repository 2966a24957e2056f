import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Table, Tag, Typography } from 'antd';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Grade, School } from '@shared/api-types';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getSchool, listGrades } from '../api/schools.api';
import { SchoolEditModal } from '../components/SchoolEditModal';
import { SchoolCommendations } from '../../bulletins/components/SchoolCommendations';

/** One school: its record, grades and classes, and a way to its staff. */
export default function SchoolDetailPage() {
  const me = useMe();
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const school = useApi((signal) => getSchool(id, signal), [id]);
  const grades = useApi((signal) => listGrades(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<School | null>(null);

  if (!Number.isInteger(id) || (school.error instanceof ApiError && school.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('status.notFoundTitle')}
        subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/schools"><Button type="primary">{t('common.back')}</Button></Link>}
      />
    );
  }
  if (school.error) return <ErrorAlert error={school.error} onRetry={school.reload} />;
  const data = saved?.id === id ? saved : school.data;
  if (!data) return <FullPageSpin height={320} />;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/schools">{t('schools.title')}</Link> }, { title: data.name }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {data.name}
            </Typography.Title>
            <Tag color="blue">{t(`schoolKinds.${data.kind}`)}</Tag>
            {data.poorVillage ? <Tag color="orange">{t('schools.poorVillageTag')}</Tag> : null}
          </Flex>
          <Flex gap={8} wrap>
            {can(me, 'person:read') ? (
              <Link to={`/people?schoolId=${data.id}`}>
                <Button icon={<TeamOutlined />}>{t('schools.viewStaff')}</Button>
              </Link>
            ) : null}
            {can(me, 'school:write') ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'code', label: t('schools.code'), children: data.code },
            { key: 'county', label: t('schools.county'), children: data.countyName },
            { key: 'township', label: t('schools.township'), children: data.township },
            { key: 'locality', label: t('schools.locality'), children: t(`localities.${data.locality}`) },
            { key: 'poor', label: t('schools.poorVillage'), children: data.poorVillage ? t('common.yes') : t('common.no') },
            { key: 'batch', label: t('schools.batch'), children: data.batch ?? t('schools.notInProgramme') },
            { key: 'students', label: t('schools.studentCount'), children: data.studentCount },
            { key: 'staff', label: t('schools.staffCount'), children: data.staffCount },
            { key: 'contact', label: t('schools.contactName'), children: data.contactName || '—' },
            { key: 'phone', label: t('schools.contactPhone'), children: data.contactPhone || '—' },
            { key: 'address', label: t('schools.address'), children: data.address || '—', span: 'filled' },
          ]}
        />
      </Card>
      <SchoolCommendations schoolId={data.id} />
      <Card variant="borderless" title={t('schools.gradesAndClasses')}>
        {grades.error ? <ErrorAlert error={grades.error} onRetry={grades.reload} /> : null}
        <Table<Grade>
          rowKey="id"
          size="small"
          loading={grades.loading}
          dataSource={grades.data ?? []}
          pagination={false}
          locale={{ emptyText: t('schools.noClasses') }}
          columns={[
            { title: t('schools.grade'), dataIndex: 'name', width: 110 },
            {
              title: t('schools.classCount'),
              key: 'count',
              width: 90,
              align: 'right',
              responsive: ['sm'],
              render: (_, grade) => grade.classes.length,
            },
            {
              title: t('schools.classes'),
              key: 'classes',
              render: (_, grade) => (
                <Flex wrap gap={6}>
                  {grade.classes.map((klass) => <Tag key={klass.id}>{klass.name}</Tag>)}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <SchoolEditModal
          school={data}
          onClose={() => setEditing(false)}
          onSaved={(updated) => {
            setSaved(updated);
            setEditing(false);
          }}
        />
      ) : null}
    </Flex>
  );
}
