import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// English users read `errors.<CODE>` from web/src/i18n/en.ts (its part en-texts/common.ts);
// without it they get the server's Chinese message (web/src/api/error-text.ts). These tests find
// every code the server can send and fail on one that has no English text, so a new code cannot
// ship untranslated.

const REPO = resolve(import.meta.dirname, '../../..');
const SERVER_SRC = join(REPO, 'server/src');

/** Codes in server/src that never reach a person using the web app, and why. */
const NOT_SENT: Record<string, string> = {
  RECORDING_FAILED: 'a job outcome for the job runner’s log; the recording itself carries a MEDIA_* or RECORDING_PROCESSING_* code',
  SEED_NOT_EMPTY: 'thrown by the seed CLI, in English, before the server serves anyone',
  SEED_BAD_OPTIONS: 'thrown by the seed CLI, in English, before the server serves anyone',
  JANUS_RTP_PORTS: 'a configuration name in a start-up error, in English, before the server serves anyone',
  LIVE_RTP_PORTS: 'a configuration name in a start-up error, in English, before the server serves anyone',
  LIVE_KG_RTP_PORTS: 'a configuration name in a start-up error, in English, before the server serves anyone',
};

/** Where a code appears in the server's source. `call` is the text of the call that raised it, when there is one. */
interface Site {
  code: string;
  where: string;
  call: string | null;
}

const CODE = String.raw`'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'`;
/** Also one-word codes (FORBIDDEN), where the context leaves no doubt that a code is meant. */
const WORD = String.raw`'([A-Z][A-Z0-9_]*[A-Z0-9])'`;

/**
 * The shapes that give an error a code:
 * `new AppError(status, 'CODE', …)`, even when its status is not a literal;
 * any call whose first argument (after an HTTP status, maybe) is a code: badRequest('CODE', …),
 * tusError(460, 'CODE', …), new MediaError('CODE', …), local helpers such as deviceError('CODE', …);
 * `code: 'CODE'` / `failure_code: 'CODE'` in a reply body, a stored failure or a union type;
 * a fallback `?? 'CODE'`; and `code = cond ? 'A' : 'B'`.
 * Calls span lines (`\s` matches newlines). Comparisons (`err.code === 'X'`) are not sites.
 */
const CALLS = [
  new RegExp(String.raw`\bnew\s+AppError\(\s*[^,()]+,\s*${WORD}`, 'g'),
  new RegExp(String.raw`\b[A-Za-z_$][\w$]*\(\s*(?:\d{3},\s*)?${CODE}`, 'g'),
];
const LITERAL_RUNS = [
  new RegExp(String.raw`\b(?:code|failure_code)\s*:\s*${WORD}(?:\s*\|\s*${WORD})*`, 'g'),
  new RegExp(String.raw`\?\?\s*${WORD}`, 'g'),
  /\bcode\s*=(?!=)[^;]*;/g,
];

/** The error codes raised in one source text. */
function codeSites(source: string, file: string): Site[] {
  const sites: Site[] = [];
  const where = (index: number) => `${file}:${source.slice(0, index).split('\n').length}`;
  for (const pattern of CALLS) {
    for (const m of source.matchAll(pattern)) {
      sites.push({ code: m[1]!, where: where(m.index), call: callText(source, source.indexOf('(', m.index)) });
    }
  }
  for (const pattern of LITERAL_RUNS) {
    for (const m of source.matchAll(pattern)) {
      for (const literal of m[0].matchAll(new RegExp(WORD, 'g'))) sites.push({ code: literal[1]!, where: where(m.index), call: null });
    }
  }
  // `new AppError(403, 'X'` matches both call shapes: keep one site each, the first (with its call).
  const unique = new Map<string, Site>();
  for (const s of sites) if (!unique.has(`${s.code}@${s.where}`)) unique.set(`${s.code}@${s.where}`, s);
  return [...unique.values()];
}

/** `(…)` from `open` to its matching parenthesis (good enough for our sources: messages use full-width brackets). */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

/** Keys of the object literals in a call's text (`{ lockedUntil: until }`, `{ offset }`), not template `${…}`. */
function objectKeys(call: string): Set<string> {
  const keys = new Set<string>();
  for (const object of call.matchAll(/(?<!\$)\{([^{}]*)\}/g)) {
    for (const key of object[1]!.matchAll(/(?:^|,)\s*([A-Za-z_$][\w$]*)\s*(?=[:,]|$)/g)) keys.add(key[1]!);
  }
  return keys;
}

function serverSites(): Site[] {
  const files = readdirSync(SERVER_SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(SERVER_SRC, f));
  return files.flatMap((f) => codeSites(readFileSync(f, 'utf8'), relative(REPO, f)));
}

/** en.ts's `errors`, loaded at run time so that the server's tsconfig does not compile web code. */
async function englishErrors(): Promise<Record<string, string>> {
  const module = (await import(join(REPO, 'web/src/i18n/en.ts'))) as { en: { errors: Record<string, string> } };
  return module.en.errors;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);

describe('the scan for error codes', () => {
  it('finds the code in each shape the server raises one', () => {
    const source = [
      "throw new AppError(403, 'ROLLOUT_NOT_YOUR_DUTY',\n  `${a}的「${b}」`);",
      "throw new AppError(status, 'FORBIDDEN', '无权');",
      "throw badRequest(\n  'DATE_INVALID', `日期 ${day} 不存在`);",
      "tooShort: (s: number) => new MediaError(\n  'MEDIA_TOO_SHORT',\n  `视频时长仅 ${formatDuration(s)}`),",
      "return tusError(500, 'UPLOAD_COMPLETION_FAILED', '出错');",
      "if (!token) throw deviceError('DEVICE_TOKEN_MISSING', '缺少');",
      "return reply.status(400).send({ code: 'VALIDATION_FAILED', message: '不正确' });",
      "code: 'PASSWORD_LENGTH' | 'PASSWORD_COMMON';",
      "throw new AppError(410, row.failure_code ?? 'UPLOAD_FAILED', '失败');",
      "const code = lost ? 'RECORDING_PROCESSING_INTERRUPTED' : 'RECORDING_PROCESSING_GAVE_UP';",
      "set({ status: 'failed', failure_code: 'UPLOAD_CANCELLED' });",
      // Not codes: configuration names, comparisons with codes from libraries.
      "sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),",
      "if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {}",
      "return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';",
    ].join('\n');
    expect(new Set(codeSites(source, 'x.ts').map((s) => s.code))).toEqual(new Set([
      'ROLLOUT_NOT_YOUR_DUTY', 'FORBIDDEN', 'DATE_INVALID', 'MEDIA_TOO_SHORT', 'UPLOAD_COMPLETION_FAILED', 'DEVICE_TOKEN_MISSING',
      'VALIDATION_FAILED', 'PASSWORD_LENGTH', 'PASSWORD_COMMON', 'UPLOAD_FAILED', 'RECORDING_PROCESSING_INTERRUPTED',
      'RECORDING_PROCESSING_GAVE_UP', 'UPLOAD_CANCELLED',
    ]));
  });

  it('reads the details a call sends, not the values in its message', () => {
    const [locked] = codeSites("new AppError(423, 'ACCOUNT_LOCKED', `锁定至 ${local}`, { lockedUntil: until, count })", 'x.ts');
    expect(objectKeys(locked!.call!)).toEqual(new Set(['lockedUntil', 'count']));
  });
});

describe('English texts for the server’s error codes', () => {
  it('has an English text for every code the server can send', async () => {
    const english = await englishErrors();
    const sites = serverSites();
    expect(sites.length).toBeGreaterThan(100);
    const missing = sites.filter((s) => !(s.code in NOT_SENT) && !english[s.code]);
    const byCode = new Map<string, string[]>();
    for (const s of missing) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s.where]);
    const report = [...byCode].map(([code, where]) => `${code} (${[...new Set(where)].join(', ')})`);
    expect(report, 'add errors.<CODE> to web/src/i18n/en-texts/common.ts for these codes (zh-CN needs none: Chinese users read the server message)').toEqual([]);
  });

  it('keeps its list of codes that reach no one up to date', () => {
    const found = new Set(serverSites().map((s) => s.code));
    expect(Object.keys(NOT_SENT).filter((code) => !found.has(code))).toEqual([]);
  });

  it('uses only placeholders that every place raising the code sends in its details', async () => {
    const english = await englishErrors();
    const sites = serverSites();
    const problems: string[] = [];
    for (const [code, text] of Object.entries(english)) {
      for (const name of placeholders(text)) {
        for (const site of sites.filter((s) => s.code === code)) {
          if (!site.call || !objectKeys(site.call).has(name)) problems.push(`${code}: {{${name}}} is not in the details sent at ${site.where}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('errorText', () => {
  type Translate = (key: string, values?: Record<string, unknown>) => string;
  type ApiErrorClass = new (status: number, code: string, message: string, details?: unknown) => Error;

  /** The web app's own i18next set-up (fallback to zh-CN) and errorText, with `shown(lng, error)`: what a user of `lng` reads. */
  async function webApp() {
    // switchLanguage, as the app's language toggle does: English is its own chunk, fetched when chosen.
    const { i18next, switchLanguage } = (await import(join(REPO, 'web/src/i18n/i18n.ts'))) as {
      i18next: { t: Translate; exists: (key: string) => boolean };
      switchLanguage: (lng: 'zh-CN' | 'en') => Promise<void>;
    };
    const { errorText } = (await import(join(REPO, 'web/src/api/error-text.ts'))) as {
      errorText: (t: Translate, i18n: { exists: (key: string) => boolean }, error: unknown) => string;
    };
    const { ApiError } = (await import(join(REPO, 'web/src/api/client.ts'))) as { ApiError: ApiErrorClass };
    const { zhCN } = (await import(join(REPO, 'web/src/i18n/zh-CN.ts'))) as { zhCN: { errors: Record<string, string> } };
    const shown = async (lng: string, error: unknown) => {
      await switchLanguage(lng as 'zh-CN' | 'en');
      return errorText((key, values) => i18next.t(key, values), i18next, error);
    };
    return { shown, ApiError, english: await englishErrors(), chinese: zhCN.errors };
  }

  const LOCKED_UNTIL = { lockedUntil: '2018-04-04T02:30:00.000Z' };
  const ROOM_TAKEN = '冠县实验小学已有名为「一号录播室」的录播室，请换一个名称';

  it('gives English users the English text, with the details the server sent filled in', async () => {
    const { shown, ApiError, english } = await webApp();
    const locked = new ApiError(423, 'ACCOUNT_LOCKED', '连续 5 次密码错误，账号已锁定至 2018/4/4 10:30:00（北京时间）', LOCKED_UNTIL);
    expect(await shown('en', locked)).toBe(english.ACCOUNT_LOCKED!.replace('{{lockedUntil}}', '2018-04-04 10:30'));
    const range = new ApiError(416, 'RANGE_NOT_SATISFIABLE', '请求的字节范围超出文件大小', { size: 1024 });
    expect(await shown('en', range)).toBe(english.RANGE_NOT_SATISFIABLE!.replace('{{size}}', '1024'));
    expect(await shown('en', new ApiError(409, 'ROOM_NAME_TAKEN', ROOM_TAKEN))).toBe(english.ROOM_NAME_TAKEN);
    // A code the web app does not know: the server's message is all there is.
    expect(await shown('en', new ApiError(400, 'SOMETHING_NEW', '新的错误'))).toBe('新的错误');
    expect(await shown('en', new TypeError('Failed to fetch'))).toBe(english.NETWORK);
  });

  it('gives Chinese users the server’s own message where zh-CN has no text for the code', async () => {
    const { shown, ApiError, chinese } = await webApp();
    expect(chinese.ROOM_NAME_TAKEN).toBeUndefined();
    expect(await shown('zh-CN', new ApiError(409, 'ROOM_NAME_TAKEN', ROOM_TAKEN))).toBe(ROOM_TAKEN);
    const locked = new ApiError(423, 'ACCOUNT_LOCKED', '服务器的消息', LOCKED_UNTIL);
    expect(await shown('zh-CN', locked)).toBe(chinese.ACCOUNT_LOCKED!.replace('{{lockedUntil}}', '2018-04-04 10:30'));
  });
});
