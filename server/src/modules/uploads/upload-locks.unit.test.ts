import { MemoryLocker } from '@tus/server';
import { ERRORS } from '@tus/utils';
import { describe, expect, it } from 'vitest';
import { releasableLocker } from './upload-locks.js';

describe('upload locks on a stopping node', () => {
  it('asks every holder to let go, resolves once they released, and refuses new locks from then on', async () => {
    const locker = releasableLocker(new MemoryLocker());
    const lock = locker.newLock('u1');
    // The holder's request ends when asked (its connection is cut) and releases the lock.
    let asked = false;
    await lock.lock(new AbortController().signal, () => { asked = true; setTimeout(() => void lock.unlock(), 20); });
    const started = Date.now();
    await locker.releaseAll(2000);
    expect(asked).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    // A request that reaches the lock now answers 423; the recorder retries on another node.
    await expect(locker.newLock('u2').lock(new AbortController().signal, () => {})).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
  });

  it('does not wait past its bound for a holder that never lets go', async () => {
    const locker = releasableLocker(new MemoryLocker());
    await locker.newLock('u1').lock(new AbortController().signal, () => {});
    const started = Date.now();
    await locker.releaseAll(100);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
