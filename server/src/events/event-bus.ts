/**
 * A typed in-process event bus. A lower module tells a higher one what happened by emitting an
 * event after its transaction has committed; the higher module's handler is subscribed by the
 * composition root (composition/app-events.ts). `emit` runs the handlers in turn and resolves
 * with their replies once all are done, so the emitter's answer can follow what its change caused
 * (a calendar edit reports how many school-days were recounted). A handler's error reaches the
 * emitter, as a direct call would.
 */
import type { EventTransport } from './event-transport.js';

export type EventMap<M> = { [K in keyof M]: { payload: unknown; reply: unknown } };

export type EventHandler<M extends EventMap<M>, K extends keyof M> = (payload: M[K]['payload']) => Promise<M[K]['reply']>;

export interface EventBus<M extends EventMap<M>> {
  /** Subscribes a handler; returns its unsubscribe. */
  on<K extends keyof M>(name: K, handler: EventHandler<M, K>): () => void;
  /** Runs every handler of the event, in the order subscribed; resolves with their replies. */
  emit<K extends keyof M>(name: K, payload: M[K]['payload']): Promise<M[K]['reply'][]>;
}

/**
 * A bus whose broadcast events also cross nodes: `emit` runs this node's handlers as before and
 * publishes the event; the other nodes' buses run their handlers when it arrives (their replies
 * and errors stay on their node). Only events that change nothing but what a viewer sees (a live
 * update) are broadcast: an event whose handlers write would be applied once per node.
 */
export interface BroadcastBus<M extends EventMap<M>> extends EventBus<M> {
  /** Resolves once this bus hears the other nodes; the answer stops listening. */
  listening: Promise<() => Promise<void>>;
}

export function createBroadcastBus<M extends EventMap<M>>(opts: {
  transport: EventTransport; broadcast: readonly (keyof M & string)[]; onError?: (err: unknown, name: string) => void;
}): BroadcastBus<M> {
  const local = createEventBus<M>();
  const broadcast = new Set<string>(opts.broadcast);
  const listening = opts.transport.subscribe((name, payload) => {
    if (!broadcast.has(name)) return;
    local.emit(name as keyof M, payload as never).catch((err: unknown) => opts.onError?.(err, name));
  });
  return {
    on: local.on,
    listening,
    async emit(name, payload) {
      const replies = await local.emit(name, payload);
      if (broadcast.has(name as string)) await opts.transport.publish(name as string, payload);
      return replies;
    },
  };
}

export function createEventBus<M extends EventMap<M>>(): EventBus<M> {
  // Typed at on/emit; stored loosely, keyed by name.
  type Loose = (payload: unknown) => Promise<unknown>;
  const handlers = new Map<keyof M, Loose[]>();
  return {
    on(name, handler) {
      const list = handlers.get(name) ?? [];
      list.push(handler as Loose);
      handlers.set(name, list);
      return () => {
        const i = list.indexOf(handler as Loose);
        if (i >= 0) list.splice(i, 1);
      };
    },
    async emit<K extends keyof M>(name: K, payload: M[K]['payload']) {
      const replies: M[K]['reply'][] = [];
      for (const handler of [...(handlers.get(name) ?? [])]) replies.push(await handler(payload) as M[K]['reply']);
      return replies;
    },
  };
}
