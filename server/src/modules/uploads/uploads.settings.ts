import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { UploadsSettings } from './uploads.service.js';

/** Upload limits as configured; bytes are staged under UPLOAD_STAGING_DIR (default DATA_DIR/uploads). */
export function uploadsSettingsFrom(config: Config): UploadsSettings {
  return { maxUploadBytes: config.maxUploadBytes, uploadExpiryHours: config.uploadExpiryHours, stagingDir: config.uploadStagingDir ?? join(config.dataDir, 'uploads') };
}
