import type { LiveServerMessage } from '../../../../shared/live-interaction.js';

/**
 * Fan-out of a session's channel messages to every open socket of that session. In one process
 * the hub is in memory; with several nodes (issue 13) an implementation over Redis pub/sub
 * (one channel per session, `live:<sessionId>`) takes its place behind this same interface: the
 * state itself is rebuilt from the database, so only these messages need to travel.
 */
export interface InteractionHub {
  publish(sessionId: number, message: LiveServerMessage): void;
  /** Delivers the session's messages to `deliver` until the returned function is called. */
  subscribe(sessionId: number, deliver: (message: LiveServerMessage) => void): () => void;
  close(): Promise<void>;
}

export function createMemoryHub(): InteractionHub {
  const listeners = new Map<number, Set<(m: LiveServerMessage) => void>>();
  return {
    publish(sessionId, message) {
      for (const deliver of listeners.get(sessionId) ?? []) deliver(message);
    },
    subscribe(sessionId, deliver) {
      const set = listeners.get(sessionId) ?? new Set();
      set.add(deliver);
      listeners.set(sessionId, set);
      return () => {
        set.delete(deliver);
        if (set.size === 0) listeners.delete(sessionId);
      };
    },
    async close() { listeners.clear(); },
  };
}
