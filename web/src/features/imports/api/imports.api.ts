import type { ImportKind } from '@shared/domain';
import type { ImportPreview, ImportResult } from '@shared/api-types';
import { api, download } from '../../../api/client';

function formOf(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

export function downloadTemplate(kind: ImportKind): Promise<void> {
  return download(`/api/imports/templates/${kind}.xlsx`, undefined, `${kind}-template.xlsx`);
}

/** Checks every row; imports nothing. */
export function previewImport(kind: ImportKind, file: File): Promise<ImportPreview> {
  return api.post<ImportPreview>(`/api/imports/${kind}/preview`, formOf(file));
}

/** Imports all rows, or none (422 IMPORT_INVALID with `details.errors`) if any row is wrong. */
export function runImport(kind: ImportKind, file: File): Promise<ImportResult> {
  return api.post<ImportResult>(`/api/imports/${kind}`, formOf(file));
}
