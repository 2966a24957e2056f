import { Card } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { liveKgApi } from '../../../features/kindergarten/api/live-kg.api';
import { useFamilyT } from '../../family-text';
import type { FamilyChildView } from '../../family-types';
import { useLoad } from '../kindergarten/use-load';

/** 园所直播 on the home page: for a kindergarten child whose class has a live-view room, whether it is live now. */
export default function LiveKgHomeCard({ child }: { child: FamilyChildView }) {
  if (child.schoolKind !== 'kindergarten') return null;
  return <CardBody child={child} />;
}

function CardBody({ child }: { child: FamilyChildView }) {
  const t = useFamilyT();
  const navigate = useNavigate();
  const { data } = useLoad((signal) => liveKgApi.rooms(signal), []);
  const rooms = data?.items.filter((r) => r.children.some((c) => c.id === child.id)) ?? [];
  if (!rooms.length) return null;
  return (
    <Card title={t('liveKg.card')} extra={child.label} onClick={() => navigate(`/live?child=${child.id}`)}>
      {rooms.map((r) => (
        <div key={r.id}>{r.window.open ? t('liveKg.cardOpen', { room: r.name }) : t('liveKg.cardClosed', { room: r.name, text: r.window.text })}</div>
      ))}
    </Card>
  );
}
