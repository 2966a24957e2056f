import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveRole } from '@shared/live';
import type { LiveChannelState, LiveClientMessage, LiveServerMessage } from '@shared/live-interaction';

export type ChannelConnection = 'connecting' | 'open' | 'reconnecting';
export interface ChannelProblem { code: string; field: string | null; message: string }

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** The channel's address on this page's origin (the server checks the Origin of the upgrade). */
export function channelUrl(sessionId: number, roomId: number | null): string {
  const url = new URL(`/api/live/sessions/${sessionId}/channel`, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (roomId !== null) url.searchParams.set('roomId', String(roomId));
  return url.toString();
}

/**
 * The interaction channel of a live session: the state (rooms, hands, stage, poll, questions) as
 * the server last sent it, and `send`. Reconnects after a drop with exponential backoff and jitter
 * (1 s doubling to 30 s), so a classroom's flaky link comes back by itself; the server counts the
 * room connected again and the gap as a drop.
 */
export function useLiveChannel(sessionId: number, roomId: number | null, onStage?: (roomId: number | null) => void) {
  const [state, setState] = useState<LiveChannelState | null>(null);
  const [you, setYou] = useState<{ role: LiveRole; roomId: number | null } | null>(null);
  const [connection, setConnection] = useState<ChannelConnection>('connecting');
  const [problem, setProblem] = useState<ChannelProblem | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const stageRef = useRef(onStage);
  stageRef.current = onStage;

  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastStage: number | null | undefined;
    const tellStage = (stage: number | null) => {
      if (stage === lastStage) return;
      lastStage = stage;
      stageRef.current?.(stage);
    };
    const connect = () => {
      setConnection(attempt === 0 ? 'connecting' : 'reconnecting');
      const ws = new WebSocket(channelUrl(sessionId, roomId));
      socket.current = ws;
      ws.onopen = () => { attempt = 0; setConnection('open'); };
      ws.onmessage = (e: MessageEvent<string>) => {
        const m = JSON.parse(e.data) as LiveServerMessage;
        if (m.type === 'state') { setYou(m.you); setState(m.state); tellStage(m.state.stage); }
        else if (m.type === 'event') { setState(m.state); tellStage(m.state.stage); }
        else if (m.type === 'stage') tellStage(m.roomId);
        else setProblem({ code: m.code, field: m.field, message: m.message });
      };
      ws.onclose = () => {
        if (stopped) return;
        setConnection('reconnecting');
        const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
        attempt += 1;
        timer = setTimeout(connect, delay);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket.current?.close();
      socket.current = null;
    };
  }, [sessionId, roomId]);

  const send = useCallback((message: LiveClientMessage) => {
    const ws = socket.current;
    if (ws && ws.readyState === WebSocket.OPEN) { setProblem(null); ws.send(JSON.stringify(message)); }
  }, []);

  return { state, you, connection, problem, send, clearProblem: () => setProblem(null) };
}
