import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Recording } from '@shared/api-types';

/**
 * Marks a recording whose file another school uploaded too: the later one (a copy, counting for
 * nobody) or the earlier one. The other school is never named: the server does not say which.
 * `inline` spells the explanation out (the detail page); otherwise it is the tag's tooltip.
 */
export function ReuseFlag({ recording, inline = false }: { recording: Pick<Recording, 'reuse' | 'reuseOtherCounty'>; inline?: boolean }) {
  const { t } = useTranslation();
  if (!recording.reuse) return null;
  const where = t(recording.reuseOtherCounty ? 'recordingReuse.otherCounty' : 'recordingReuse.sameCounty');
  const hint = t(recording.reuse === 'copy' ? 'recordingReuse.copyHint' : 'recordingReuse.originalHint', { where });
  const tag = (
    <Tag color={recording.reuse === 'copy' ? 'orange' : 'gold'} style={{ width: 'fit-content' }} data-testid="reuse-flag" data-reuse={recording.reuse}>
      {t(recording.reuse === 'copy' ? 'recordingReuse.copyTag' : 'recordingReuse.originalTag')}
    </Tag>
  );
  if (!inline) return <Tooltip title={hint}>{tag}</Tooltip>;
  return (
    <Flex vertical gap={4}>
      {tag}
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Flex>
  );
}
