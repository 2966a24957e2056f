import { Badge, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import type { Connectivity, RoomStatus } from '@shared/api-types';
import { formatInstant } from '../../../app/time';

dayjs.extend(relativeTime);

const STATUS_COLORS: Record<RoomStatus, string> = { planned: 'default', installed: 'blue', activated: 'cyan', in_use: 'green' };
const CONNECTIVITY_BADGES: Record<Connectivity, 'success' | 'error' | 'default'> = { online: 'success', offline: 'error', no_recorder: 'default' };

/** 计划建设 / 设备安装 / 激活 / 常态化使用. */
export function RoomStatusTag({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`roomStatuses.${status}`)}</Tag>;
}

/** 在线 / 离线 / 无录播主机, as a coloured dot. */
export function ConnectivityBadge({ connectivity }: { connectivity: Connectivity }) {
  const { t } = useTranslation();
  return <Badge status={CONNECTIVITY_BADGES[connectivity]} text={t(`connectivity.${connectivity}`)} data-connectivity={connectivity} />;
}

/** "3 分钟前", with the exact time on hover; "从未" when no heartbeat ever came. */
export function HeartbeatTime({ at }: { at: string | null }) {
  const { t } = useTranslation();
  if (!at) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('rooms.neverHeard')}</span>;
  return (
    <Tooltip title={formatInstant(at, 'YYYY-MM-DD HH:mm:ss')}>
      <span>{dayjs(at).fromNow()}</span>
    </Tooltip>
  );
}

/** Free disk space in GB, one decimal. */
export function formatGb(bytes: number | null): string {
  return bytes === null ? '—' : `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
