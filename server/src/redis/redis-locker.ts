import { randomBytes } from 'node:crypto';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';
import type { RedisConnection } from './redis.js';

/**
 * The tus upload lock shared by every API node (REDIS_URL set): one writer per upload whichever
 * node the balancer sends a PATCH to. No maintained package does this for @tus/server (checked
 * npm: only Directus's own, inside its app), so here it is over our Redis client:
 *
 * - a lock is a key `<prefix>tus:lock:<id>` set NX with a lease (default 6 s) that its holder
 *   renews every third of it; a node killed with -9 stops renewing, and the upload can be taken
 *   over once the lease runs out — never stuck;
 * - release and renewal check the holder's token (a Lua script), so a holder whose lease ran out
 *   cannot drop a lock that another node now holds; a holder that finds its lease lost is asked
 *   to let go (its request is cut, the client resumes from HEAD);
 * - a request waiting for a lock asks the holder to let go (tus's `cancelReq`: the client
 *   reconnected, the old half-open request must end), across nodes by pub/sub.
 */
export interface RedisLockerOptions {
  /** The holder's lease, renewed while the request runs (default 6000 ms). */
  leaseMs?: number;
  /** How long a request waits for a lock before 423 / ERR_LOCK_TIMEOUT (default 30 s, as MemoryLocker). */
  acquireTimeoutMs?: number;
  /** How often a waiting request tries again (default 100 ms). */
  retryMs?: number;
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisLocker implements Locker {
  readonly leaseMs: number;
  readonly acquireTimeoutMs: number;
  readonly retryMs: number;
  /** Locks this process holds: their release callbacks, for another node's request to let go. */
  private readonly held = new Map<string, RequestRelease>();
  private readonly channel: string;
  private subscribed: Promise<void> | null = null;

  constructor(private readonly redis: RedisConnection, opts: RedisLockerOptions = {}) {
    this.leaseMs = opts.leaseMs ?? 6000;
    this.acquireTimeoutMs = opts.acquireTimeoutMs ?? 30_000;
    this.retryMs = opts.retryMs ?? 100;
    this.channel = `${redis.prefix}tus:release`;
  }

  newLock(id: string): Lock {
    return new RedisLock(id, this);
  }

  key(id: string): string {
    return `${this.redis.prefix}tus:lock:${id}`;
  }

  get client() {
    return this.redis.client;
  }

  /** Listens for other nodes' requests to let go; once per process, on first use. */
  listen(): Promise<void> {
    this.subscribed ??= (async () => {
      const sub = this.redis.subscriber();
      sub.on('message', (channel: string, id: string) => {
        if (channel === this.channel) void this.held.get(id)?.();
      });
      await sub.subscribe(this.channel);
    })();
    return this.subscribed;
  }

  askRelease(id: string): Promise<unknown> {
    return this.redis.client.publish(this.channel, id);
  }

  hold(id: string, release: RequestRelease): void {
    this.held.set(id, release);
  }

  letGo(id: string, release: RequestRelease): void {
    if (this.held.get(id) === release) this.held.delete(id);
  }
}

class RedisLock implements Lock {
  private token: string | null = null;
  private release: RequestRelease = () => {};
  private renewal: NodeJS.Timeout | null = null;

  constructor(private readonly id: string, private readonly locker: RedisLocker) {}

  async lock(signal: AbortSignal, cancelReq: RequestRelease): Promise<void> {
    const { locker, id } = this;
    await locker.listen();
    const key = locker.key(id);
    const token = randomBytes(12).toString('hex');
    const deadline = Date.now() + locker.acquireTimeoutMs;
    let askedAt = 0;
    for (;;) {
      if (signal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      const ok = await locker.client.set(key, token, 'PX', locker.leaseMs, 'NX');
      if (ok === 'OK') break;
      // Once per second: the holder may be a request whose client has gone (it lets go at once),
      // or a killed node (its lease runs out by itself).
      if (Date.now() - askedAt >= 1000) {
        askedAt = Date.now();
        await locker.askRelease(id);
      }
      if (Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await new Promise((r) => setTimeout(r, locker.retryMs));
    }
    this.token = token;
    this.release = cancelReq;
    locker.hold(id, cancelReq);
    this.renewal = setInterval(() => {
      locker.client.eval(RENEW, 1, key, token, String(locker.leaseMs)).then((renewed) => {
        // Lost (Redis was away longer than the lease, or the process stalled): stop writing.
        if (renewed !== 1 && this.token === token) void cancelReq();
      }, () => {});
    }, Math.max(250, Math.floor(locker.leaseMs / 3)));
    this.renewal.unref();
  }

  async unlock(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    const token = this.token;
    if (!token) throw new Error('Releasing an unlocked lock!');
    this.token = null;
    this.locker.letGo(this.id, this.release);
    await this.locker.client.eval(RELEASE, 1, this.locker.key(this.id), token);
  }
}
