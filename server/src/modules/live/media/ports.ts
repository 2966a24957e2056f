/**
 * Hands out the UDP ports recorders send RTP to: four per session (video RTP+RTCP, audio RTP+RTCP),
 * from LIVE_RTP_PORTS, given back when the session closes.
 */
export function portPool([lo, hi]: [number, number]) {
  const taken = new Map<number, number>(); // base port → session
  return {
    take(sessionId: number): { videoPort: number; audioPort: number } {
      for (const [base, s] of taken) if (s === sessionId) return { videoPort: base, audioPort: base + 2 };
      for (let base = lo - (lo % 4) + (lo % 4 ? 4 : 0); base + 3 <= hi; base += 4) {
        if (!taken.has(base)) { taken.set(base, sessionId); return { videoPort: base, audioPort: base + 2 }; }
      }
      throw new Error('live media: no free RTP ports (LIVE_RTP_PORTS)');
    },
    /** Marks ports a session kept on its row (after a server restart) as taken. */
    keep(sessionId: number, videoPort: number) { taken.set(videoPort, sessionId); },
    give(sessionId: number) { for (const [base, s] of taken) if (s === sessionId) taken.delete(base); },
  };
}
