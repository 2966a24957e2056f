import { useState } from 'react';
import { Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { audienceOptions, sentNotices } from '../api/notices.api';
import { ComposeNotice } from '../components/ComposeNotice';

/** 家校通知 (/notices): compose a notice within the sender's reach, and the sender's notices with their receipt counts. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState('compose');
  const [page, setPage] = useState(1);
  const options = useApi((signal) => audienceOptions(signal), []);
  const sent = useApi((signal) => sentNotices(page, signal), [page, tab]);

  return (
    <>
      <PageHeader title={t('familyNotices.title')} note={t('familyNotices.note')} />
      <Tabs activeKey={tab} onChange={setTab} items={[
        {
          key: 'compose', label: t('familyNotices.tabs.compose'),
          children: options.error ? <ErrorAlert error={options.error} onRetry={options.reload} />
            : options.data ? <ComposeNotice options={options.data} onSent={(s) => navigate(`/notices/${s.id}`)} /> : null,
        },
        {
          key: 'sent', label: t('familyNotices.tabs.sent'),
          children: (
            <>
              {sent.error ? <ErrorAlert error={sent.error} onRetry={sent.reload} /> : null}
              <Table rowKey="id" loading={sent.loading} dataSource={sent.data?.items ?? []} locale={{ emptyText: t('familyNotices.list.empty') }}
                pagination={{ current: page, pageSize: 20, total: sent.data?.total ?? 0, onChange: setPage }}
                columns={[
                  {
                    title: t('familyNotices.list.title'), dataIndex: 'title',
                    render: (v: string, r) => (
                      <>
                        {r.emergency ? <Tag color="red">{t('familyNotices.list.tags.emergency')}</Tag> : r.urgent ? <Tag color="orange">{t('familyNotices.list.tags.urgent')}</Tag> : null}
                        {!r.pushedAt ? <Tag>{t('familyNotices.list.tags.held')}</Tag> : null}
                        <Link to={`/notices/${r.id}`}>{v}</Link>
                      </>
                    ),
                  },
                  { title: t('familyNotices.list.audience'), dataIndex: 'audienceLabel' },
                  { title: t('familyNotices.list.sentAt'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString() },
                  { title: t('familyNotices.list.read'), render: (_, r) => `${r.read} / ${r.recipients}` },
                  { title: t('familyNotices.list.confirmed'), render: (_, r) => (r.mustConfirm ? `${r.confirmed} / ${r.recipients}` : '—') },
                ]}
              />
            </>
          ),
        },
      ]} />
    </>
  );
}
