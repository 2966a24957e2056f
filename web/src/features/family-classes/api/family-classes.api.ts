import type {
  AddClassStaff, BindingClassRequests, BindingCode, BindingCodes, BindingNewCode, BindingRoster, BindingStaffClasses, ClassStaffList,
} from '@shared/family-binding-api-types';
import { api } from '../../../api/client';

/** 班级家校: the classes a teacher (or principal) binds families of, with pending requests counted. */
export function staffClasses(signal?: AbortSignal): Promise<BindingStaffClasses> {
  return api.get<BindingStaffClasses>('/api/family/binding/classes', { signal });
}

export function classRoster(classId: number, signal?: AbortSignal): Promise<BindingRoster> {
  return api.get<BindingRoster>(`/api/family/binding/classes/${classId}/roster`, { signal });
}

export function classRequests(classId: number, signal?: AbortSignal): Promise<BindingClassRequests> {
  return api.get<BindingClassRequests>(`/api/family/binding/classes/${classId}/requests`, { signal });
}

export function confirmRequest(id: number): Promise<{ ok: boolean }> {
  return api.post(`/api/family/binding/requests/${id}/confirm`);
}

export function rejectRequest(id: number, reason: string): Promise<{ ok: boolean }> {
  return api.post(`/api/family/binding/requests/${id}/reject`, { reason });
}

export function classCodes(classId: number, signal?: AbortSignal): Promise<BindingCodes> {
  return api.get<BindingCodes>(`/api/family/binding/classes/${classId}/codes`, { signal });
}

export function createCode(classId: number, body: BindingNewCode): Promise<BindingCode> {
  return api.post<BindingCode>(`/api/family/binding/classes/${classId}/codes`, body);
}

export function revokeCode(id: number): Promise<BindingCode> {
  return api.post<BindingCode>(`/api/family/binding/codes/${id}/revoke`);
}

export function removeGuardian(studentId: number, userId: number, reason: string): Promise<{ ok: boolean }> {
  return api.post(`/api/family/binding/students/${studentId}/guardians/${userId}/remove`, { reason });
}

export function classStaff(classId: number, signal?: AbortSignal): Promise<ClassStaffList> {
  return api.get<ClassStaffList>(`/api/classes/${classId}/staff`, { signal });
}

export function addClassStaff(classId: number, body: AddClassStaff): Promise<ClassStaffList> {
  return api.post<ClassStaffList>(`/api/classes/${classId}/staff`, body);
}

export function removeClassStaff(classId: number, userId: number): Promise<ClassStaffList> {
  return api.delete<ClassStaffList>(`/api/classes/${classId}/staff/${userId}`);
}
