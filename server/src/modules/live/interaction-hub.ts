import type { LiveServerMessage } from '../../../../shared/live-interaction.js';
import type { AppEventBus } from '../../events/app-events.js';

/**
 * Fan-out of a session's channel messages to every open socket of that session. In memory for one
 * process (`createMemoryHub`); over the app's event bus (`createBusHub`) the messages travel as
 * the broadcast `live.interaction`, so with several nodes (Redis pub/sub) a teacher's socket on one
 * node and the classrooms' sockets on others hear each other. The state itself is rebuilt from the
 * database, so only these messages need to travel.
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

/**
 * The hub over the app's event bus: `publish` emits `live.interaction` (broadcast, so it reaches
 * every node when REDIS_URL is set), and each node hands what it hears to its own sockets. A lost
 * publish (Redis away) costs the other nodes' sockets one message; they catch up with the state the
 * next message carries.
 */
export function createBusHub(bus: Pick<AppEventBus, 'on' | 'emit'>, onError: (err: unknown) => void = () => {}): InteractionHub {
  const local = createMemoryHub();
  const off = bus.on('live.interaction', async ({ sessionId, message }) => local.publish(sessionId, message));
  return {
    publish(sessionId, message) {
      // This node's sockets hear it at once (the bus runs local handlers first), then the others.
      bus.emit('live.interaction', { sessionId, message }).catch(onError);
    },
    subscribe: local.subscribe,
    async close() {
      off();
      await local.close();
    },
  };
}
