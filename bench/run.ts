// `npm run bench`: every benchmark prints its figures as ratios against a baseline measured in
// the same run, on this machine, so numbers from different machines stay comparable.
import { benchAccessGate } from './access-gate.bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function main() {
  console.log(`Sunshine Campus benchmarks (${seconds} s per measurement; BENCH_SECONDS to change)`);
  await benchAccessGate(seconds);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
