import type { CoursewareFile, CoursewareListing } from '@shared/resources-courseware-types';
import { api, download } from '../../../api/client';

/** Where a resource's courseware is read: signed in, or through the public routes (no login). */
export function coursewareBase(resourceId: number, isPublic: boolean): string {
  return `${isPublic ? '/api/public/resources' : '/api/resources'}/${resourceId}/files`;
}

export function listCourseware(resourceId: number, isPublic: boolean, signal?: AbortSignal) {
  return api.get<CoursewareListing>(coursewareBase(resourceId, isPublic), { signal });
}

export function uploadCourseware(resourceId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<CoursewareFile>(`/api/resources/${resourceId}/files`, form);
}

export function deleteCourseware(resourceId: number, fileId: number) {
  return api.delete<void>(`/api/resources/${resourceId}/files/${fileId}`);
}

/** The URLs of a file: its PDF (inline), first-page thumbnail and the original (download, kept as a use). */
export function coursewareUrls(resourceId: number, fileId: number, isPublic: boolean) {
  const base = `${coursewareBase(resourceId, isPublic)}/${fileId}`;
  return { pdf: `${base}/pdf`, thumbnail: `${base}/thumbnail`, download: `${base}/download` };
}

/** Saves the original file (fetched, so a refusal shows as a message rather than a saved error page). */
export function downloadCourseware(resourceId: number, file: CoursewareFile, isPublic: boolean) {
  return download(coursewareUrls(resourceId, file.id, isPublic).download, undefined, file.name);
}

/** Saves the PDF made from an office file (for a teacher without PowerPoint or Word). */
export function downloadCoursewarePdf(resourceId: number, file: CoursewareFile, isPublic: boolean) {
  return download(coursewareUrls(resourceId, file.id, isPublic).pdf, undefined, `${file.name.replace(/\.[^.]+$/, '')}.pdf`);
}
