import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';

/** A locker whose holders a stopping node can ask to let go all at once. */
export interface ReleasableLocker extends Locker {
  /**
   * Shutdown: refuses new locks (423, the recorder retries on another node) and asks every request
   * holding one to let go — its connection is cut, the bytes it wrote so far stay staged — then
   * resolves once their locks are released (at most `waitMs`), so another node takes the upload
   * at once instead of after the lease (Redis) or the restart (one machine).
   */
  releaseAll(waitMs?: number): Promise<void>;
}

/**
 * Wraps the upload locker (tus's MemoryLocker on one machine, RedisLocker on several nodes) with
 * the bookkeeping shutdown needs; the locking itself is the inner locker's.
 */
export function releasableLocker(inner: Locker): ReleasableLocker {
  const held = new Set<{ cancel: RequestRelease; unlocked: Promise<void> }>();
  let closing = false;
  return {
    newLock(id: string): Lock {
      const lock = inner.newLock(id);
      let entry: { cancel: RequestRelease; unlocked: Promise<void> } | null = null;
      let unlocked = () => {};
      return {
        async lock(signal: AbortSignal, cancelReq: RequestRelease) {
          if (closing) throw ERRORS.ERR_LOCK_TIMEOUT;
          await lock.lock(signal, cancelReq);
          if (closing) {
            // Taken while releaseAll ran: give it straight back.
            await lock.unlock();
            throw ERRORS.ERR_LOCK_TIMEOUT;
          }
          entry = { cancel: cancelReq, unlocked: new Promise<void>((r) => { unlocked = r; }) };
          held.add(entry);
        },
        async unlock() {
          try {
            await lock.unlock();
          } finally {
            if (entry) held.delete(entry);
            entry = null;
            unlocked();
          }
        },
      };
    },
    async releaseAll(waitMs = 4000) {
      closing = true;
      const all = [...held];
      await Promise.all(all.map((e) => Promise.resolve(e.cancel()).catch(() => undefined)));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(all.map((e) => e.unlocked)),
        new Promise((r) => { timer = setTimeout(r, waitMs); }),
      ]);
      clearTimeout(timer);
    },
  };
}
