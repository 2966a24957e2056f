import { openHasher } from '../server/src/modules/uploads/resumable-sha256.js';
const h = await openHasher(null);
console.log(await h.digest()); h.release();
const h2 = await openHasher(null); await h2.update(Buffer.from('abc')); const s = await h2.save(); h2.release();
const h3 = await openHasher(s); console.log(await h3.digest()); h3.release();
