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
  /** METRICS_TOKEN: a scraper sending `Authorization: Bearer <token>` may read /metrics from anywhere; without it only loopback may (default none). */
  metricsToken: string | null;
  /** METRICS_PORT: `npm run worker` serves its own /metrics on this port (default none: no HTTP in workers). */
  metricsPort: number | null;
  /** REDIS_URL: unset → rate limits, leases and events stay in this process (one machine); redis://… → shared by every node (several nodes). */
  redisUrl: string | null;
  /** REDIS_PREFIX: the start of every key and channel this installation uses in Redis (default `sc:`), so installations can share one Redis. */
  redisPrefix: string;
  /** MEDIA_TOKEN_SECRET: the media-token signing key (at least 32 characters); unset → generated once and kept in the database (secrets.ts). */
  mediaTokenSecret: string | null;
  /** Live media (issue 12, docs/live.md): LIVE_MEDIA auto|janus|hls, JANUS_URL, JANUS_PATH, JANUS_ICE_INTERFACES, JANUS_HTTP_PORT, JANUS_WS_PORT, JANUS_RTP_PORTS, LIVE_RTP_PORTS. */
  liveMedia?: LiveMediaConfig;
  /** UPLOAD_STAGING_DIR: where unfinished uploads are staged (default DATA_DIR/uploads); several API nodes need one shared volume here (docs/operations.md). */
  uploadStagingDir?: string;
  /** SERVE_WEB=0: API only, the web app is served elsewhere (a CDN, another node) or not built (test clusters); default 1. */
  serveWeb?: boolean;
  /** JOB_LEASE_SECONDS: how long a job's claim holds without its runner's heartbeat; a killed worker's job is taken over after it (default 60). */
  jobLeaseSeconds?: number;
}

export interface LiveMediaConfig {
  /** LIVE_MEDIA: auto (default: Janus when installed and answering, else one-way HLS), janus, or hls (forced one way). */
  mode: 'auto' | 'janus' | 'hls';
  /** JANUS_URL: an existing Janus's HTTP API (e.g. http://127.0.0.1:8088/janus); its WebSocket at JANUS_WS_URL (default: same host, port 8188). The server then starts none. */
  janusUrl: string | null;
  janusWsUrl: string | null;
  /** JANUS_ADMIN_KEY: the plugins' admin_key of an existing Janus (JANUS_URL); a started one gets a generated key. */
  janusAdminKey: string | null;
  /** JANUS_PATH: the janus binary the server starts (default /usr/bin/janus). */
  janusPath: string;
  /** JANUS_ICE_INTERFACES: ice_enforce_list of the started Janus (default "lo": every packet stays on loopback; set e.g. "eth0" for classrooms on the network). */
  janusIceInterfaces: string;
  /** JANUS_HTTP_PORT / JANUS_WS_PORT: loopback ports of the started Janus's HTTP and WebSocket transports (default 18088 / 18188). */
  janusHttpPort: number;
  janusWsPort: number;
  /** JANUS_RTP_PORTS: the started Janus's media port range (default 20000-20999). */
  janusRtpPorts: string;
  /** LIVE_RTP_PORTS: the ports the server hands out for recorders' RTP (default 21000-21999; two per session). */
  liveRtpPorts: [number, number];
  /** LIVE_RTP_HOST: the address recorders send RTP to (default 127.0.0.1). */
  liveRtpHost: string;
  /** LIVE_KG_RTP_PORTS: the ports kindergarten live-view cameras send RTP to (default 22000-22399; four per streaming room). */
  liveKgRtpPorts: [number, number];
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
    metricsToken: metricsToken(env.METRICS_TOKEN),
    metricsPort: env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, 1, 65535) : null,
    redisUrl: redisUrl(env.REDIS_URL),
    redisPrefix: env.REDIS_PREFIX?.trim() || 'sc:',
    mediaTokenSecret: secret(env, 'MEDIA_TOKEN_SECRET'),
    liveMedia: liveMediaConfig(env),
    uploadStagingDir: resolve(env.UPLOAD_STAGING_DIR?.trim() || resolve(env.DATA_DIR || './data', 'uploads')),
    serveWeb: env.SERVE_WEB !== '0' && env.SERVE_WEB !== 'false',
    jobLeaseSeconds: int(env, 'JOB_LEASE_SECONDS', 60, 3, 3600),
  };
}

export function liveMediaConfig(env: NodeJS.ProcessEnv): LiveMediaConfig {
  const mode = (env.LIVE_MEDIA?.trim() || 'auto') as LiveMediaConfig['mode'];
  if (!['auto', 'janus', 'hls'].includes(mode)) throw new ConfigError(`LIVE_MEDIA must be auto, janus or hls, got ${mode}`);
  const range = (name: string, dflt: string): [number, number] => {
    const m = /^(\d{1,5})-(\d{1,5})$/.exec(env[name]?.trim() || dflt);
    const lo = Number(m?.[1]); const hi = Number(m?.[2]);
    if (!m || lo < 1024 || hi > 65535 || hi - lo < 3) throw new ConfigError(`${name} must be a range like ${dflt}`);
    return [lo, hi];
  };
  const janusRtp = range('JANUS_RTP_PORTS', '20000-20999');
  return {
    mode,
    janusUrl: env.JANUS_URL?.trim() || null,
    janusWsUrl: env.JANUS_WS_URL?.trim() || null,
    janusAdminKey: env.JANUS_ADMIN_KEY?.trim() || null,
    janusPath: env.JANUS_PATH?.trim() || '/usr/bin/janus',
    janusIceInterfaces: env.JANUS_ICE_INTERFACES?.trim() || 'lo',
    janusHttpPort: int(env, 'JANUS_HTTP_PORT', 18088, 1024, 65535),
    janusWsPort: int(env, 'JANUS_WS_PORT', 18188, 1024, 65535),
    janusRtpPorts: `${janusRtp[0]}-${janusRtp[1]}`,
    liveRtpPorts: range('LIVE_RTP_PORTS', '21000-21999'),
    liveRtpHost: env.LIVE_RTP_HOST?.trim() || '127.0.0.1',
    liveKgRtpPorts: range('LIVE_KG_RTP_PORTS', '22000-22399'),
  };
}

function metricsToken(raw: string | undefined): string | null {
  const token = raw?.trim();
  if (!token) return null;
  // Guessable tokens would open the operators' page to anyone who can reach the node.
  if (token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return token;
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
