import { api, download } from '../../../api/client';

/** What can be imported; each kind has its own template. */
export const IMPORT_KINDS = ['schools', 'classes', 'staff'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  kind: ImportKind;
  totalRows: number;
  /** At most the first 1,000 errors; `errorCount` says how many there are in all. */
  errors: ImportRowError[];
  errorCount: number;
  ok: boolean;
}

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
export function runImport(kind: ImportKind, file: File): Promise<{ imported: number }> {
  return api.post<{ imported: number }>(`/api/imports/${kind}`, formOf(file));
}
