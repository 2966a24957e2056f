import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath, runTool, ToolError } from './system-tools.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A stopped conversion leaves nothing running: the tool and what it started are killed together. */
describe('running a system tool', () => {
  it('kills the tool and its children when it is stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'run-tool-'));
    const pidFile = join(dir, 'child.pid');
    const stop = new AbortController();
    // A parent that starts a long child, as soffice starts soffice.bin, and waits for it.
    const run = runTool('sh', ['-c', `sleep 300 & echo $! > ${pidFile}; wait`], { timeoutMs: 600_000, signal: stop.signal });
    let pid = 0;
    while (!pid) {
      pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || 0;
      if (!pid) await new Promise((r) => setTimeout(r, 20));
    }
    expect(alive(pid)).toBe(true);
    stop.abort();
    await expect(run).rejects.toBeInstanceOf(ToolError);
    while (alive(pid)) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('says why a tool failed, and finds none where the search path has none', async () => {
    await expect(runTool('sh', ['-c', 'echo broken >&2; exit 3'], { timeoutMs: 60_000 })).rejects.toThrow(/exit 3: broken/);
    expect(await findOnPath('soffice', '/nonexistent')).toBeNull();
  });
});
