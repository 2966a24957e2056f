import type { Page } from '@shared/api-types';
import type { Bulletin, BulletinFilters, BulletinKind, Commendations, NewBulletin } from '@shared/supervision-api-types';
import { api } from '../../../api/client';

const KIND_SET: Record<BulletinKind, true> = { notice: true, commendation: true, criticism: true };
/** 通报 / 表彰 / 批评. */
export const BULLETIN_KINDS = Object.keys(KIND_SET) as BulletinKind[];

export function listBulletins(query: BulletinFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Page<Bulletin>>('/api/bulletins', { query: { ...query }, signal });
}

export function getBulletin(id: number, signal?: AbortSignal) {
  return api.get<Bulletin>(`/api/bulletins/${id}`, { signal });
}

export function createBulletin(body: NewBulletin) {
  return api.post<Bulletin>('/api/bulletins', body);
}

export function publishBulletin(id: number) {
  return api.post<Bulletin>(`/api/bulletins/${id}/publish`);
}

/** The published commendations naming a school (its school page). */
export function schoolCommendations(schoolId: number, signal?: AbortSignal) {
  return api.get<Commendations>(`/api/bulletins/schools/${schoolId}/commendations`, { signal });
}
