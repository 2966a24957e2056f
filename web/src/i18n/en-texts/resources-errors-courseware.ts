/** English for the error codes of courseware (the server's Chinese sentence is the fallback). */
export const enResourcesErrorsCourseware: Record<string, string> = {
  COURSEWARE_FILE_MISSING: 'No file was received: choose the courseware and upload again (form field "file")',
  COURSEWARE_FILE_TYPE: 'This file type is not taken: upload courseware as .pdf .ppt .pptx .doc .docx .png .jpg or .jpeg',
  COURSEWARE_FILE_EMPTY: 'The file is empty: check it and upload again',
  COURSEWARE_FILE_CONTENT: 'The file\'s content does not match its extension (it may be another file renamed): upload the original file',
  COURSEWARE_FILE_TOO_LARGE: 'The courseware is larger than 20 MB: compress its images or split it, then upload again',
  COURSEWARE_NOT_PUBLISHER: 'Only the resource\'s publisher or the principal of its school can upload or delete courseware',
  COURSEWARE_UNAVAILABLE: 'The server has no file storage configured, so courseware cannot be uploaded or downloaded now: contact the platform administrator',
};
