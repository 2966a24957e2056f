import { api } from '../api/client';
import type { FamilyChildView } from './family-types';

/** The children the signed-in person looks after (a guardian's own), each labelled "一年级(1)班 王小明". */
export function fetchChildren(signal?: AbortSignal): Promise<{ items: FamilyChildView[] }> {
  return api.get<{ items: FamilyChildView[] }>('/api/family/children', { signal });
}
