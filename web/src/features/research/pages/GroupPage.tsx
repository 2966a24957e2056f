import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Flex, List, Popconfirm, Result, Row, Tag, Typography } from 'antd';
import { EditOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { archiveGroup, getGroup } from '../api/groups.api';
import { ActivityKindTag, ActivityStatusTag } from '../components/activity-tags';
import { GroupFormModal } from '../components/GroupFormModal';

/** One research group: who is in it, and the feed of its activities (those the viewer reaches). */
export default function GroupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const { data, error, reload } = useApi((signal) => getGroup(id, signal), [id]);
  const [editing, setEditing] = useState(false);

  if (!Number.isInteger(id) || (error instanceof ApiError && error.status === 404)) {
    return <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')} extra={<Link to="/research/groups"><Button type="primary">{t('common.back')}</Button></Link>} />;
  }
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <FullPageSpin height={320} />;
  const g = data;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[
        { title: <Link to="/research">{t('researchActivities.title')}</Link> },
        { title: <Link to="/research/groups">{t('researchGroups.title')}</Link> },
        { title: g.name },
      ]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={6}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="group-title">{g.name}</Typography.Title>
              <Tag color={g.kind === 'master_studio' ? 'gold' : 'blue'}>{t(`researchGroups.kinds.${g.kind}`)}</Tag>
              {g.archivedAt ? <Tag>{t('researchGroups.archived')}</Tag> : null}
            </Flex>
            <Typography.Text type="secondary">{[`${t(`researchActivities.levels.${g.level}`)} · ${g.nodeName}`, g.subject, t('researchGroups.leaderIs', { name: g.leaderName })].filter(Boolean).join(' · ')}</Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            {g.may.organise ? (
              <Link to={`/research/activities/new?groupId=${g.id}`}><Button type="primary" icon={<PlusOutlined />} data-testid="group-organise">{t('researchGroups.organise')}</Button></Link>
            ) : null}
            {g.may.edit ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('researchGroups.edit')}</Button> : null}
            {g.may.edit ? (
              <Popconfirm title={t('researchGroups.archiveConfirm')} onConfirm={() => archiveGroup(g.id).then(reload, (e: unknown) => { void message.error(errorText(e)); })}>
                <Button icon={<InboxOutlined />}>{t('researchGroups.archive')}</Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
        {g.description ? <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{g.description}</Typography.Paragraph> : null}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card variant="borderless" title={t('researchGroups.feed')}>
            <List
              dataSource={g.activities}
              locale={{ emptyText: <Empty description={t('researchGroups.feedEmpty')} /> }}
              data-testid="group-feed"
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Flex gap={6} align="center" wrap><Link to={`/research/activities/${a.id}`}>{a.topic}</Link><ActivityKindTag kind={a.kind} /><ActivityStatusTag status={a.status} /></Flex>}
                    description={`${a.startsOn} ~ ${a.endsOn} · ${a.organiserName} · ${t('researchGroups.feedLessons', { count: a.lessonCount })} · ${a.schools.map((s) => s.name).join('、')}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card variant="borderless" title={t('researchGroups.membersTitle', { count: g.members.length })}>
            <List
              size="small"
              dataSource={g.members}
              renderItem={(m) => (
                <List.Item>
                  <Flex gap={6} align="center">{m.name}{m.role === 'leader' ? <Tag color="gold">{t('researchGroups.leader')}</Tag> : null}</Flex>
                  <Typography.Text type="secondary">{m.schoolName ?? t('researchActivities.members.officer')}</Typography.Text>
                </List.Item>
              )}
            />
            <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[
              { key: 'created', label: t('researchGroups.createdAt'), children: formatInstant(g.createdAt, 'YYYY-MM-DD') },
              ...(g.archivedAt ? [{ key: 'archived', label: t('researchGroups.archived'), children: formatInstant(g.archivedAt, 'YYYY-MM-DD') }] : []),
            ]} />
          </Card>
        </Col>
      </Row>
      {editing ? <GroupFormModal group={g} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); reload(); }} /> : null}
    </Flex>
  );
}
