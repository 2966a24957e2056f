import { resolve } from 'node:path';

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
  };
}
