import type {
  AddMedication, AddOneOff, AddPerson, Arrival, ChildDay, ClassDay, HealthCheck, HealthCheckInput, KgChildren, KgClasses, Medication, MedicationList,
  OneOff, PickupOutcome, PickupPeople, PickupPerson, PickupRequest,
} from '@shared/kindergarten-api-types';
import { api } from '../../../api/client';

/**
 * Kindergarten care's API, for the staff desk and the family app alike (it imports only the
 * fetch client, no UI library). Photos are fetched by URL: `photoUrl`.
 */
const base = '/api/kindergarten';

export const kindergartenApi = {
  children: (signal?: AbortSignal) => api.get<KgChildren>(`${base}/children`, { signal }),
  classes: (signal?: AbortSignal) => api.get<KgClasses>(`${base}/classes`, { signal }),
  classDay: (classId: number, day?: string, signal?: AbortSignal) => api.get<ClassDay>(`${base}/classes/${classId}/day`, { query: { day }, signal }),
  childDay: (childId: number, day?: string, signal?: AbortSignal) => api.get<ChildDay>(`${base}/children/${childId}/day`, { query: { day }, signal }),
  people: (childId: number, signal?: AbortSignal) => api.get<PickupPeople>(`${base}/children/${childId}/pickup-people`, { signal }),
  addPerson: (childId: number, body: AddPerson) => api.post<PickupPerson>(`${base}/children/${childId}/pickup-persons`, body),
  removePerson: (id: number) => api.delete<void>(`${base}/pickup-persons/${id}`),
  personPhoto: (id: number, file: File) => api.put<PickupPerson>(`${base}/pickup-persons/${id}/photo`, form(file)),
  addOneOff: (childId: number, body: AddOneOff) => api.post<OneOff>(`${base}/children/${childId}/one-offs`, body),
  cancelOneOff: (id: number) => api.delete<void>(`${base}/one-offs/${id}`),
  oneOffPhoto: (id: number, file: File) => api.put<OneOff>(`${base}/one-offs/${id}/photo`, form(file)),
  pickUp: (childId: number, body: PickupRequest) => api.post<PickupOutcome>(`${base}/children/${childId}/pickup`, body),
  arrive: (childId: number, broughtBy: string) => api.post<Arrival>(`${base}/children/${childId}/arrival`, { broughtBy }),
  healthCheck: (childId: number, body: HealthCheckInput) => api.put<HealthCheck>(`${base}/children/${childId}/health-check`, body),
  medications: (childId: number, signal?: AbortSignal) => api.get<MedicationList>(`${base}/children/${childId}/medications`, { signal }),
  entrust: (childId: number, body: AddMedication) => api.post<Medication>(`${base}/children/${childId}/medications`, body),
  cancelMedication: (id: number) => api.delete<void>(`${base}/medications/${id}`),
  medicationPhoto: (id: number, file: File) => api.put<Medication>(`${base}/medications/${id}/photo`, form(file)),
  giveDose: (medicationId: number, note?: string) => api.post<Medication>(`${base}/medications/${medicationId}/doses`, note ? { note } : {}),
};

/** Where an <img> loads a photo from (the session cookie goes along). */
export const photoUrl = (kind: 'pickup-persons' | 'one-offs' | 'medications', id: number) => `${base}/${kind}/${id}/photo`;

function form(file: File): FormData {
  const data = new FormData();
  data.append('file', file);
  return data;
}
