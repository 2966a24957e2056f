import { createVideoTestApp, addRoomWithDevice } from '../server/src/modules/recordings/recordings.test-kit.js';
const t = await createVideoTestApp({ MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) });
const dev = await addRoomWithDevice(t);
await t.app.listen({ port: 0, host: '127.0.0.1' });
const addr = t.app.server.address() as { port: number };
let peak = 0;
setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50).unref();
process.on('message', (m) => { if (m === 'peak') process.send!({ peak }); });
process.send!({ port: addr.port, token: dev.token, rss: process.memoryUsage().rss });
