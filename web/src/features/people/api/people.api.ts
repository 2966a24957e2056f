import type { AssignmentInput, NewPerson, Page, PeopleFilters, Person, PersonPatch } from '@shared/api-types';
import { api, download } from '../../../api/client';

export function listPeople(filters: PeopleFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Person>> {
  return api.get<Page<Person>>('/api/people', { query: { ...filters }, signal });
}

export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/api/people/${id}`, { signal });
}

export function createPerson(person: NewPerson): Promise<Person> {
  return api.post<Person>('/api/people', person);
}

export function updatePerson(id: number, patch: PersonPatch): Promise<Person> {
  return api.patch<Person>(`/api/people/${id}`, patch);
}

export function addAssignment(personId: number, assignment: AssignmentInput): Promise<unknown> {
  return api.post<unknown>(`/api/people/${personId}/assignments`, assignment);
}

export function removeAssignment(personId: number, assignmentId: number): Promise<unknown> {
  return api.delete<unknown>(`/api/people/${personId}/assignments/${assignmentId}`);
}

export function resetPassword(personId: number, password: string): Promise<unknown> {
  return api.post<unknown>(`/api/people/${personId}/password`, { password });
}

export function exportPeople(filters: PeopleFilters): Promise<void> {
  return download('/api/people/export.xlsx', { ...filters }, 'people.xlsx');
}
