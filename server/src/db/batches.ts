/**
 * Reads a large, id-ordered result as a series of short keyset queries (`id > last`), so an
 * export to a slow client never holds the database connection between batches — on SQLite there
 * is only one, and a held stream would stall every other request.
 */
export async function* inIdBatches<T extends { id: number }>(
  fetchBatch: (afterId: number, limit: number) => Promise<T[]>,
  batchSize = 1000,
): AsyncGenerator<T> {
  let afterId = 0;
  for (;;) {
    const rows = await fetchBatch(afterId, batchSize);
    yield* rows;
    if (rows.length < batchSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}
