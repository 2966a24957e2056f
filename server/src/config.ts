import { resolve } from 'node:path';
import { type LadderRung, parseLadder } from './media/decide.js';

/**
 * The platform's configuration, read from the environment once at start and validated there so
 * that a wrong value stops the start with a clear message instead of failing later.
 * Settings that administrators edit in the UI live in the database, not here.
 */
export interface Config {
  /** PORT: HTTP port (default 8080). */
  port: number;
  /** HOST: address to listen on (default 0.0.0.0). */
  host: string;
  /** DATA_DIR: where the SQLite database, generated secrets and files live (default ./data). */
  dataDir: string;
  /** DATABASE_URL: unset → SQLite in DATA_DIR; postgres://… → PostgreSQL. */
  databaseUrl: string | null;
  /** SESSION_IDLE_MINUTES: a session unused this long ends (default 30). */
  sessionIdleMinutes: number;
  /** SESSION_MAX_HOURS: a session ends this long after login whatever its use (default 12). */
  sessionMaxHours: number;
  /** SEED: `demo` (default) seeds the demo city into an empty database; `none` leaves it empty. */
  seed: 'demo' | 'none';
  /** AUDIT_RETENTION_DAYS: audit rows are kept at least this long (default 183, never less). */
  auditRetentionDays: number;
  /** LOG_LEVEL: pino level (default info). */
  logLevel: string;
  /** TRUST_PROXY: set when behind a reverse proxy so client IPs come from X-Forwarded-For. */
  trustProxy: boolean;
  /** BENCH_ROUTES=1: adds the unauthenticated baselines `npm run bench` measures against. Never in production. */
  benchRoutes: boolean;
  /** STORAGE_URL: unset → files under DATA_DIR/objects; `s3://[KEY:SECRET@]bucket[/folder]?endpoint=…&region=…&forcePathStyle=true` → S3-compatible storage (storage/storage-url.ts). */
  storageUrl: string | null;
  /** WORKERS: jobs the server runs at once (default 1); 0 runs none in the server — start `npm run worker` processes instead. */
  workers: number;
  /** FFMPEG_PATH / FFPROBE_PATH: use these binaries instead of ffmpeg on PATH or the npm-bundled build. */
  ffmpegPath: string | null;
  ffprobePath: string | null;
  /** MAX_UPLOAD_BYTES: largest lesson file accepted by /api/uploads (default 8 GiB); tus answers 413 above it. */
  maxUploadBytes: number;
  /** UPLOAD_EXPIRY_HOURS: an unfinished upload is discarded this long after its last bytes arrived (default 168 = 7 days). */
  uploadExpiryHours: number;
  /** RECORDING_MIN_SECONDS / RECORDING_MAX_SECONDS: an upload shorter or longer is refused as not a lesson recording (default 60 s / 4 h). */
  recordingMinSeconds: number;
  recordingMaxSeconds: number;
  /** LESSON_MIN_MINUTES / LESSON_MIN_MINUTES_KINDERGARTEN: shortest recording that counts as a recorded lesson (default 30 / 15). */
  lessonMinMinutes: number;
  lessonMinMinutesKindergarten: number;
  /** HLS_LADDER: extra low-bitrate renditions for weak links, `name:height:videoKbps:audioKbps,…` e.g. `360p:360:400:64` (default none). */
  hlsLadder: LadderRung[];
  /** RETENTION_DAYS: recorded lessons not marked "keep" are purged this many days after the lesson (default 180). */
  retentionDays: number;
  /** QUOTA_REMINDER_HOUR: Asia/Shanghai hour (0–23) from which a school short of its counted lessons today is reminded (default 15). */
  quotaReminderHour: number;
  /** DIGEST_HOUR: Asia/Shanghai hour (0–23) from which each county department gets yesterday's digest (default 7). */
  digestHour: number;
  /** REDIS_URL: unset → rate limits, leases and events stay in this process (one machine); redis://… → shared by every node (several nodes). */
  redisUrl: string | null;
  /** REDIS_PREFIX: the start of every key and channel this installation uses in Redis (default `sc:`), so installations can share one Redis. */
  redisPrefix: string;
  /** MEDIA_TOKEN_SECRET: the media-token signing key (at least 32 characters); unset → generated once and kept in the database (secrets.ts). */
  mediaTokenSecret: string | null;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}`);
  }
  return n;
}

/** Reads and validates the environment; throws ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (or be unset for SQLite), got ${databaseUrl}`);
  }
  const seed = (env.SEED ?? 'demo') as Config['seed'];
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError(`SEED must be demo or none, got ${seed}`);
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 7),
    seed,
    auditRetentionDays: int(env, 'AUDIT_RETENTION_DAYS', 183, 183, 36500),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    benchRoutes: env.BENCH_ROUTES === '1',
    storageUrl: env.STORAGE_URL?.trim() || null,
    workers: int(env, 'WORKERS', 1, 0, 64),
    ffmpegPath: env.FFMPEG_PATH?.trim() || null,
    ffprobePath: env.FFPROBE_PATH?.trim() || null,
    maxUploadBytes: int(env, 'MAX_UPLOAD_BYTES', 8 * 1024 ** 3, 1024 ** 2, 1024 ** 4),
    uploadExpiryHours: int(env, 'UPLOAD_EXPIRY_HOURS', 168, 1, 24 * 90),
    recordingMinSeconds: int(env, 'RECORDING_MIN_SECONDS', 60, 1, 3600),
    recordingMaxSeconds: int(env, 'RECORDING_MAX_SECONDS', 4 * 3600, 60, 24 * 3600),
    lessonMinMinutes: int(env, 'LESSON_MIN_MINUTES', 30, 1, 240),
    lessonMinMinutesKindergarten: int(env, 'LESSON_MIN_MINUTES_KINDERGARTEN', 15, 1, 240),
    hlsLadder: ladder(env.HLS_LADDER ?? ''),
    retentionDays: int(env, 'RETENTION_DAYS', 180, 1, 36500),
    quotaReminderHour: int(env, 'QUOTA_REMINDER_HOUR', 15, 0, 23),
    digestHour: int(env, 'DIGEST_HOUR', 7, 0, 23),
    redisUrl: redisUrl(env.REDIS_URL),
    redisPrefix: env.REDIS_PREFIX?.trim() || 'sc:',
    mediaTokenSecret: secret(env, 'MEDIA_TOKEN_SECRET'),
  };
}

function redisUrl(raw: string | undefined): string | null {
  const url = raw?.trim() || null;
  if (url && !/^rediss?:\/\//.test(url)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (or be unset), got ${url}`);
  return url;
}

function secret(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim() || null;
  // A short key could be guessed offline from one token; the generated ones carry 32 random bytes.
  if (value && value.length < 32) throw new ConfigError(`${name} must be at least 32 characters (e.g. openssl rand -base64 32)`);
  return value;
}

function ladder(spec: string): LadderRung[] {
  try {
    const rungs = parseLadder(spec);
    // `thumbs` is the scrub thumbnails' folder next to the renditions (see storage/keys.ts).
    if (rungs.some((r) => r.name === 'thumbs')) throw new Error('the rung name "thumbs" is reserved');
    return rungs;
  } catch (err) {
    throw new ConfigError(`HLS_LADDER=${spec}: ${(err as Error).message}`);
  }
}
