import http from 'node:http';
import { createWriteStream, statSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { spawn, execFileSync } from 'node:child_process';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';
const file = process.argv[2]!; const size = statSync(file).size;
const tusSrv = new Server({ path: '/files', datastore: new FileStore({ directory: '/tmp/ab-tus' }), relativeLocation: true });
const a = http.createServer((req, res) => tusSrv.handle(req, res)).listen(0);
const b = http.createServer(async (req, res) => { await pipeline(req, createWriteStream('/tmp/ab-raw.bin')); res.statusCode = 204; res.end(); }).listen(0);
await new Promise((r) => setTimeout(r, 200));
const pa = (a.address() as any).port, pb = (b.address() as any).port;
const curl = (args: string[]) => new Promise<void>((r) => spawn('curl', args, { stdio: 'ignore' }).on('exit', () => r()));
for (let i = 0; i < 3; i++) {
  const out = await new Promise<string>((r) => { let o = ''; const c = spawn('curl', ['-sS', '-D', '-', '-o', '/dev/null', '-X', 'POST', `http://127.0.0.1:${pa}/files`, '-H', 'Tus-Resumable: 1.0.0', '-H', `Upload-Length: ${size}`]); c.stdout.on('data', (d) => (o += d)); c.on('exit', () => r(o)); });
  const loc = /location: (\S+)/i.exec(out)![1]!;
  let t = Date.now();
  await curl(['-sS', '-X', 'PATCH', '-T', file, `http://127.0.0.1:${pa}${loc}`, '-H', 'Tus-Resumable: 1.0.0', '-H', 'Upload-Offset: 0', '-H', 'Content-Type: application/offset+octet-stream']);
  const tusMs = Date.now() - t;
  t = Date.now();
  await curl(['-sS', '-X', 'PATCH', '-T', file, `http://127.0.0.1:${pb}/`]);
  const rawMs = Date.now() - t;
  console.log({ tusMs, rawMs });
}
a.close(); b.close(); rmSync('/tmp/ab-tus', { recursive: true, force: true }); rmSync('/tmp/ab-raw.bin', { force: true });
process.exit(0);
