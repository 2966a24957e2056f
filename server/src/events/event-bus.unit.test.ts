import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus.js';

interface TestEvents {
  'thing.changed': { payload: { id: number }; reply: number };
  'thing.gone': { payload: { id: number }; reply: void };
}

describe('event bus', () => {
  it('runs each handler of the event in the order subscribed and answers their replies', async () => {
    const bus = createEventBus<TestEvents>();
    const heard: string[] = [];
    bus.on('thing.changed', async ({ id }) => { heard.push(`a${id}`); return id * 10; });
    bus.on('thing.changed', async ({ id }) => { heard.push(`b${id}`); return id * 100; });
    bus.on('thing.gone', async () => { heard.push('gone'); });
    expect(await bus.emit('thing.changed', { id: 2 })).toEqual([20, 200]);
    expect(heard).toEqual(['a2', 'b2']);
  });

  it('answers nothing for an event nobody hears, and stops a handler once unsubscribed', async () => {
    const bus = createEventBus<TestEvents>();
    expect(await bus.emit('thing.gone', { id: 1 })).toEqual([]);
    const off = bus.on('thing.changed', async ({ id }) => id);
    off();
    expect(await bus.emit('thing.changed', { id: 1 })).toEqual([]);
  });

  it('lets a handler\'s failure reach the emitter, as a direct call would', async () => {
    const bus = createEventBus<TestEvents>();
    bus.on('thing.changed', async () => { throw new Error('recount failed'); });
    await expect(bus.emit('thing.changed', { id: 1 })).rejects.toThrow('recount failed');
  });
});
