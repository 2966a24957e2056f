import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinKind } from '@shared/supervision-api-types';

const COLORS: Record<BulletinKind, string> = { notice: 'blue', commendation: 'gold', criticism: 'red' };

/** 通报 / 表彰 / 批评. */
export function BulletinKindTag({ kind }: { kind: BulletinKind }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[kind]}>{t(`bulletins.kinds.${kind}`)}</Tag>;
}
