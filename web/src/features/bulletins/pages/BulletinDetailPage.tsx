import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Flex, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Bulletin } from '@shared/supervision-api-types';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { formatInstant } from '../../../app/time';
import { getBulletin, publishBulletin } from '../api/bulletins.api';
import { BULLETIN_KIND_COLORS, BulletinKindTag } from '../components/BulletinKindTag';

/** One bulletin as issued: its text and the schools and counties it names. */
export default function BulletinDetailPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const bulletin = useApi((signal) => getBulletin(id, signal), [id]);
  const [publishing, setPublishing] = useState(false);

  if (!Number.isInteger(id) || (bulletin.error instanceof ApiError && bulletin.error.status === 404)) {
    return (
      <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/bulletins"><Button type="primary">{t('common.back')}</Button></Link>} />
    );
  }
  if (bulletin.error) return <ErrorAlert error={bulletin.error} onRetry={bulletin.reload} />;
  const data: Bulletin | undefined = bulletin.data;
  if (!data) return <FullPageSpin height={320} />;

  async function publish() {
    setPublishing(true);
    try {
      await publishBulletin(id);
      void message.success(t('bulletins.published'));
      bulletin.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setPublishing(false);
    }
  }

  const schools = data.subjects.filter((s) => s.kind === 'school');
  const counties = data.subjects.filter((s) => s.kind === 'county');
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/bulletins">{t('bulletins.title')}</Link> }, { title: data.title }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={6}>
            <Flex align="center" gap={8} wrap>
              <BulletinKindTag kind={data.kind} />
              {data.status === 'draft' ? <Tag>{t('bulletins.draft')}</Tag> : null}
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="bulletin-heading">{data.title}</Typography.Title>
            </Flex>
            <Typography.Text type="secondary">
              {t('bulletins.issuedBy', { day: data.issuedOn, name: data.createdByName })}
              {data.publishedAt ? ` · ${t('bulletins.publishedAt', { at: formatInstant(data.publishedAt) })}` : ''}
            </Typography.Text>
          </Flex>
          {data.status === 'draft' && can(me, 'bulletin:write') ? (
            <Button type="primary" loading={publishing} onClick={publish}>{t('bulletins.publish')}</Button>
          ) : null}
        </Flex>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16, fontSize: 15, lineHeight: 1.9 }}>{data.body}</Typography.Paragraph>
      </Card>
      {schools.length || counties.length ? (
        <Card variant="borderless" title={t('bulletins.names')}>
          <Flex wrap gap={8} data-testid="bulletin-subjects">
            {schools.map((s) => (
              <Tag key={`s${s.id}`} color={BULLETIN_KIND_COLORS[data.kind]}>
                {can(me, 'org:read') ? <Link to={`/schools/${s.id}`}>{s.name}</Link> : s.name}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>{s.countyName}</Typography.Text>
              </Tag>
            ))}
            {counties.map((c) => <Tag key={`c${c.id}`}>{c.name}</Tag>)}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
