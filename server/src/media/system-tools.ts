import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/**
 * The Debian programs courseware needs besides Node: LibreOffice (`soffice`, packages
 * libreoffice-impress and libreoffice-writer) turns office files into PDF, poppler-utils'
 * `pdftoppm` draws a PDF's first page. Both are optional: without them the server runs, office
 * files wait (`waiting_package`) and PDFs go without a thumbnail. Probed once per process.
 */
export interface SystemTools {
  soffice: string | null;
  pdftoppm: string | null;
}

/** Shown on a resource page and logged at start while LibreOffice is missing. */
export const LIBREOFFICE_MISSING = '课件转换需要安装 LibreOffice（Debian 软件包 libreoffice-impress、libreoffice-writer）';
/** Logged at start while poppler-utils is missing. */
export const POPPLER_MISSING = '课件首页缩略图需要安装 poppler-utils（Debian 软件包 poppler-utils），安装前 PDF 课件没有缩略图';

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on the search path, or null. */
export async function findOnPath(name: string, searchPath = process.env.PATH ?? ''): Promise<string | null> {
  for (const dir of searchPath.split(delimiter)) {
    if (dir && (await isExecutable(join(dir, name)))) return join(dir, name);
  }
  return null;
}

/** Looks for the tools on the search path now. */
export async function probeSystemTools(searchPath?: string): Promise<SystemTools> {
  const [soffice, pdftoppm] = await Promise.all([findOnPath('soffice', searchPath), findOnPath('pdftoppm', searchPath)]);
  return { soffice, pdftoppm };
}

let cached: Promise<SystemTools> | undefined;

/** The tools of this process, probed at its first use (a package installed later counts after a restart). */
export function systemTools(): Promise<SystemTools> {
  cached ??= probeSystemTools();
  return cached;
}

/** Says at start which courseware tools run, and what waits for which package. */
export async function announceSystemTools(log: { info(obj: object, msg: string): void; warn(msg: string): void }): Promise<SystemTools> {
  const tools = await systemTools();
  log.info({ soffice: tools.soffice, pdftoppm: tools.pdftoppm }, 'courseware tools');
  if (!tools.soffice) log.warn(LIBREOFFICE_MISSING);
  if (!tools.pdftoppm) log.warn(POPPLER_MISSING);
  return tools;
}

/** A tool that ran too long (killed) or ended with an error. */
export class ToolError extends Error {
  constructor(message: string, readonly timedOut: boolean, readonly stderr: string) {
    super(message);
  }
}

/**
 * Runs a program to its end. It runs in its own process group, so a timeout or an abort kills it
 * and every child it started (soffice starts soffice.bin) rather than leaving them behind.
 */
export function runTool(bin: string, args: string[], opts: { timeoutMs: number; signal?: AbortSignal; cwd?: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 4000) stderr += d.toString(); });
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch { /* already gone */ }
    };
    const timer = setTimeout(() => { timedOut = true; kill(); }, opts.timeoutMs);
    const onAbort = () => kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(new ToolError(`${bin}: ${err.message}`, false, stderr));
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (code === 0) return resolve();
      const why = timedOut ? `timed out after ${opts.timeoutMs} ms` : opts.signal?.aborted ? 'aborted' : `exit ${code ?? sig}`;
      reject(new ToolError(`${bin} ${why}: ${stderr.trim().slice(0, 500)}`, timedOut, stderr));
    });
  });
}
