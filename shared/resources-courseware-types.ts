/**
 * Courseware of a resource as the API answers it (server: modules/resources/courseware.*).
 * Conversion: `none` (an image, shown as it is) · `pending` (the worker converts it) · `done`
 * (a PDF with text and, with poppler-utils, a thumbnail) · `failed` (`conversionMessage` says why)
 * · `waiting_package` (LibreOffice is not installed on the server).
 */
export const COURSEWARE_CONVERSIONS = ['none', 'pending', 'done', 'failed', 'waiting_package'] as const;
export type CoursewareConversion = (typeof COURSEWARE_CONVERSIONS)[number];

export interface CoursewareFile {
  id: number;
  resourceId: number;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  pages: number | null;
  conversion: CoursewareConversion;
  conversionMessage: string | null;
  hasPdf: boolean;
  hasThumbnail: boolean;
  createdAt: string;
  canDelete: boolean;
}

/** A resource's courseware; `canUpload`: the caller may upload and delete (the publisher, a principal of its school). */
export interface CoursewareListing {
  items: CoursewareFile[];
  canUpload: boolean;
}

/** Extensions the upload takes (the server checks each file's first bytes too). */
export const COURSEWARE_ACCEPT = '.pdf,.ppt,.pptx,.doc,.docx,.png,.jpg,.jpeg';
export const COURSEWARE_MAX_BYTES = 20 * 1024 * 1024;
