import { describe, expect, it } from 'vitest';
import { planReplayTracks, sessionOfGroupId } from './replay.tracks.js';

describe('which recorded file becomes which replay track', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 2, 0, s)).toISOString();

  it('the lead room is the main picture, receiving rooms follow by id, offsets on the lead stream\'s clock', () => {
    const planned = planReplayTracks([
      { roomId: 9, lead: false, path: '/r9.mp4', startedAt: at(3) },
      { roomId: 4, lead: false, path: '/r4.mp4', startedAt: at(1) },
      { roomId: 2, lead: true, path: '/lead.mp4', startedAt: at(2) },
    ]);
    expect(planned?.lessonStart).toBe(at(2));
    expect(planned?.plan.map((p) => [p.roomId, p.track, p.startOffsetMs])).toEqual([[2, 'composite', 0], [4, 'students', -1000], [9, 'blackboard', 1000]]);
  });

  it('one file per room (its first piece), and a receiving room leads when the lead room recorded nothing', () => {
    const planned = planReplayTracks([
      { roomId: 4, lead: false, path: '/r4-b.mp4', startedAt: at(30) },
      { roomId: 4, lead: false, path: '/r4-a.mp4', startedAt: at(5) },
      { roomId: 7, lead: false, path: '/r7.mp4', startedAt: at(6) },
    ]);
    expect(planned?.plan.map((p) => [p.path, p.track, p.startOffsetMs])).toEqual([['/r4-a.mp4', 'composite', 0], ['/r7.mp4', 'students', 1000]]);
    expect(planReplayTracks([])).toBeNull();
  });

  it('reads the session back from the group id, and nothing from other lessons\' ids', () => {
    expect(sessionOfGroupId('live-42')).toBe(42);
    for (const g of ['live-0', 'live-', 'live-1x', 'g-live-4', 'LIVE-4', 'live-01']) expect(sessionOfGroupId(g)).toBeNull();
  });
});
