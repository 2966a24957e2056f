import type { Page } from '@shared/api-types';
import type { GroupDetail, GroupFilters, GroupKind, GroupPatch, GroupSummary, NewGroup } from '@shared/research-activities-types';
import { api } from '../../../api/client';

const KIND_SET: Record<GroupKind, true> = { subject_group: true, master_studio: true };
/** 教研组 · 名师工作室 */
export const GROUP_KINDS = Object.keys(KIND_SET) as GroupKind[];

export function listGroups(query: GroupFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Page<GroupSummary>>('/api/research/groups', { query: { ...query }, signal });
}

export function getGroup(id: number, signal?: AbortSignal) {
  return api.get<GroupDetail>(`/api/research/groups/${id}`, { signal });
}

export function createGroup(body: NewGroup) {
  return api.post<GroupDetail>('/api/research/groups', body);
}

export function updateGroup(id: number, patch: GroupPatch) {
  return api.patch<GroupDetail>(`/api/research/groups/${id}`, patch);
}

export function archiveGroup(id: number) {
  return api.post<GroupDetail>(`/api/research/groups/${id}/archive`);
}
