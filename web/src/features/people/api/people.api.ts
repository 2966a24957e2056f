import type { Department, Role, RoleAssignmentView } from '@shared/domain';
import { api, download, type Page } from '../../../api/client';

// TODO(shared): move Person and the assignment input to shared/ once the server exports them.

export interface Person {
  id: number;
  username: string;
  name: string;
  phone: string | null;
  kind: 'staff' | 'guardian';
  disabled: boolean;
  lockedUntil: string | null;
  assignments: RoleAssignmentView[];
}

/** A role to grant, scoped to the node its role needs (ROLE_SCOPE_LEVEL). */
export interface AssignmentInput {
  role: Role;
  department?: Department;
  cityId?: number;
  countyId?: number;
  schoolId?: number;
}

export interface PeopleFilters {
  q?: string;
  countyId?: number;
  schoolId?: number;
  role?: Role;
}

export interface NewPerson {
  username: string;
  name: string;
  phone?: string;
  password: string;
  assignments?: AssignmentInput[];
}

export function listPeople(filters: PeopleFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Person>> {
  return api.get<Page<Person>>('/api/people', { query: { ...filters }, signal });
}

export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/api/people/${id}`, { signal });
}

export function createPerson(person: NewPerson): Promise<Person> {
  return api.post<Person>('/api/people', person);
}

export function updatePerson(id: number, patch: { name?: string; phone?: string | null; disabled?: boolean }): Promise<Person> {
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
