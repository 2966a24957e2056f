import type { ClassConsents, ConsentHistory, ConsentSaved, MyConsents } from '@shared/consent-api-types';
import type { ConsentLevel } from '@shared/resources';
import { api } from '../../../api/client';

/** The signed-in guardian's children with their consent levels. */
export function myConsents(signal?: AbortSignal): Promise<MyConsents> {
  return api.get<MyConsents>('/api/consents/mine', { signal });
}

/** Sets a child's level: a guardian for their own child, the principal for a paper form. */
export function setConsent(studentId: number, level: ConsentLevel): Promise<ConsentSaved> {
  return api.put<ConsentSaved>(`/api/students/${studentId}/consent`, { level });
}

export function consentHistory(studentId: number, signal?: AbortSignal): Promise<ConsentHistory> {
  return api.get<ConsentHistory>(`/api/students/${studentId}/consent/history`, { signal });
}

/** A class's pupils and their levels (the school's principal and teachers). */
export function classConsents(classId: number, signal?: AbortSignal): Promise<ClassConsents> {
  return api.get<ClassConsents>(`/api/classes/${classId}/consents`, { signal });
}
