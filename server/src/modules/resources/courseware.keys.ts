import { resourceFileKey } from '../../storage/keys.js';

/**
 * Where a courseware file's derived objects go: beside the original, named by its token, so a
 * conversion run twice writes the same keys (idempotent) and deleting the file finds them all.
 */
export function derivedKey(row: { resource_id: number; storage_key: string }, what: 'pdf' | 'thumb'): string {
  const base = row.storage_key.slice(row.storage_key.lastIndexOf('/') + 1);
  const token = base.slice(0, base.lastIndexOf('.'));
  return resourceFileKey(row.resource_id, `${token}-${what}`, what === 'pdf' ? 'pdf' : 'png');
}
