import { Card, Flex, Typography } from 'antd';
import { TrophyTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { schoolCommendations } from '../api/bulletins.api';

/** The commendations (表彰) the city bureau gave a school, for its school page; nothing when there are none. */
export function SchoolCommendations({ schoolId }: { schoolId: number }) {
  const me = useMe();
  const allowed = can(me, 'bulletin:read');
  const { t } = useTranslation();
  const { data } = useApi((signal) => (allowed ? schoolCommendations(schoolId, signal) : Promise.resolve({ items: [] })), [schoolId, allowed]);
  if (!data?.items.length) return null;
  return (
    <Card variant="borderless" title={<Flex gap={8}><TrophyTwoTone twoToneColor="#faad14" />{t('bulletins.commendations')}</Flex>} data-testid="school-commendations">
      <Flex vertical gap={6}>
        {data.items.map((c) => (
          <Flex key={c.id} gap={12}>
            <Typography.Text type="secondary">{c.issuedOn}</Typography.Text>
            <Link to={`/bulletins/${c.id}`}>{c.title}</Link>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
