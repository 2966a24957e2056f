import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTool } from './system-tools.js';

/** The arguments of one headless conversion to PDF, with a profile of its own (parallel runs would share and lock the default one). */
export function officeConvertArgs(input: string, outDir: string, profileDir: string): string[] {
  return [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, input];
}

/**
 * Converts an office file (PPT/PPTX/DOC/DOCX) to PDF with LibreOffice headless, in `workDir`
 * (made and left for the caller to remove). Answers the PDF's path, or null when LibreOffice ended
 * without making one (a file it cannot read). Throws ToolError on a crash or the timeout.
 */
export async function convertOfficeToPdf(opts: {
  soffice: string; input: string; workDir: string; timeoutMs: number; signal?: AbortSignal;
}): Promise<string | null> {
  const outDir = join(opts.workDir, 'out');
  const profile = join(opts.workDir, 'profile');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await runTool(opts.soffice, officeConvertArgs(opts.input, outDir, profile), {
    timeoutMs: opts.timeoutMs, signal: opts.signal, cwd: opts.workDir,
    // LibreOffice writes into HOME besides its profile; keep it inside the work folder.
    env: { ...process.env, HOME: opts.workDir },
  });
  const pdf = (await readdir(outDir)).find((f) => f.toLowerCase().endsWith('.pdf'));
  return pdf ? join(outDir, pdf) : null;
}
