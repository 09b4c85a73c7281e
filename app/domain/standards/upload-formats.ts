// The kinds of file an admin can import standards from (shared by the upload form and the server).
export const UPLOAD_FORMATS = ['document', 'nosfolio-json', 'csv', 'moodle-csv', 'case-json'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];
