import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinKind } from '@shared/supervision-api-types';

export const BULLETIN_KIND_COLORS: Record<BulletinKind, string> = { notice: 'blue', commendation: 'gold', criticism: 'red' };

/** 通报 / 表彰 / 批评. */
export function BulletinKindTag({ kind }: { kind: BulletinKind }) {
  const { t } = useTranslation();
  return <Tag color={BULLETIN_KIND_COLORS[kind]}>{t(`bulletins.kinds.${kind}`)}</Tag>;
}
