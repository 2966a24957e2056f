import { Button, Card, NavBar, Space, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { KgLiveParentRoom, KgLiveViewStart, KgLiveWindow } from '@shared/live-kg-api-types';
import { ApiError } from '../../../api/client';
import { liveKgApi } from '../../../features/kindergarten/api/live-kg.api';
import { useFamilyT } from '../../family-text';
import { useLoad } from '../kindergarten/use-load';
import { LivePlayer } from './LivePlayer';

/**
 * 园所直播: the rooms of the guardian's children's classes with their windows; inside a window
 * one press starts a logged view, the page says it is still watching every few seconds, and
 * leaving ends the view. Outside the window the page shows when it opens.
 */
export default function LiveViewPage() {
  const t = useFamilyT();
  const navigate = useNavigate();
  const childFilter = Number(useSearchParams()[0].get('child')) || null;
  const { data, error, reload } = useLoad((signal) => liveKgApi.rooms(signal), []);
  const [view, setView] = useState<KgLiveViewStart | null>(null);
  const [closedText, setClosedText] = useState<Record<number, string>>({});
  const viewRef = useRef<KgLiveViewStart | null>(null);
  viewRef.current = view;

  const weekdays = t('liveKg.weekdays', { returnObjects: true }) as unknown as string[];
  const windowLine = (w: KgLiveWindow) => `${weekdays[w.weekday] ?? ''} ${w.from}–${w.to}`;

  const stop = useCallback(async (reason?: string) => {
    const v = viewRef.current;
    setView(null);
    if (reason) Toast.show({ content: reason });
    if (v) await liveKgApi.endView(v.viewId).catch(() => {});
  }, []);

  // Heartbeats keep the view open; past the window's end the server closes it and says when it opens again.
  useEffect(() => {
    if (!view) return undefined;
    const timer = window.setInterval(() => {
      liveKgApi.heartbeat(view.viewId).catch((e: unknown) => {
        setView(null);
        if (e instanceof ApiError && e.code === 'LIVE_KG_CLOSED') setClosedText((m) => ({ ...m, [view.roomId]: e.message }));
        Toast.show({ content: e instanceof Error ? e.message : t('liveKg.ended') });
        reload();
      });
    }, view.heartbeatSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [view, reload, t]);

  // Leaving the page ends the view (a closed tab is ended by the server when heartbeats stop).
  useEffect(() => () => { const v = viewRef.current; if (v) void liveKgApi.endView(v.viewId).catch(() => {}); }, []);

  async function watch(room: KgLiveParentRoom, childId: number) {
    try {
      if (viewRef.current) await stop();
      setView(await liveKgApi.startView(room.id, childId));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'LIVE_KG_CLOSED') {
        setClosedText((m) => ({ ...m, [room.id]: e.message }));
        reload();
      }
      Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });
    }
  }

  const rooms = (data?.items ?? []).filter((r) => !childFilter || r.children.some((c) => c.id === childFilter));
  return (
    <div>
      <NavBar onBack={() => navigate(-1)}>{t('liveKg.title')}</NavBar>
      {error && <div role="alert" style={{ padding: 12 }}>{error}</div>}
      {data && !rooms.length && <div style={{ padding: 16 }}>{t('liveKg.none')}</div>}
      <Space direction="vertical" style={{ width: '100%', padding: 8 }}>
        {rooms.map((room) => {
          const watching = view?.roomId === room.id ? view : null;
          const child = room.children.find((c) => c.id === childFilter) ?? room.children[0]!;
          return (
            <Card key={room.id} title={`${room.name} · ${room.className}`}
              extra={<Tag color={room.window.open ? 'success' : 'default'}>{room.window.open ? t('liveKg.open') : t('liveKg.closed')}</Tag>}>
              {watching ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {watching.media.reason && <Tag color="warning">{t('liveKg.oneWay')}</Tag>}
                  <LivePlayer media={watching.media} loadingText={t('liveKg.loading')} failedText={t('liveKg.noStream')} />
                  <div>{t('liveKg.forChild', { label: child.label })}</div>
                  <Button block onClick={() => void stop()}>{t('liveKg.stop')}</Button>
                </Space>
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <div>{closedText[room.id] ?? room.window.text}</div>
                  <div style={{ color: 'var(--adm-color-weak)' }}>{t('liveKg.windows')}：{room.window.windows.map(windowLine).join('、') || '—'}</div>
                  {room.window.open && <Button block color="primary" onClick={() => void watch(room, child.id)}>{t('liveKg.watch')}</Button>}
                </Space>
              )}
            </Card>
          );
        })}
        <div style={{ color: 'var(--adm-color-weak)', fontSize: 12 }}>{t('liveKg.liveOnly')}</div>
      </Space>
    </div>
  );
}
