import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { LadderRung } from '../../media/decide.js';
import { isSilent } from '../../media/silence.js';
import type { CountingRules } from './counting.js';

/** The pipeline's settings, from config.ts (see the variables named on each field). */
export interface RecordingsSettings {
  /** LESSON_MIN_MINUTES (30) / LESSON_MIN_MINUTES_KINDERGARTEN (15): shortest lesson that counts. */
  lessonMinMinutes: number;
  lessonMinMinutesKindergarten: number;
  /** RECORDING_MIN_SECONDS (60) / RECORDING_MAX_SECONDS (4 h): plausible length of an upload at all. */
  recordingMinSeconds: number;
  recordingMaxSeconds: number;
  /** HLS_LADDER: extra low-bitrate renditions (none by default). */
  hlsLadder: LadderRung[];
  /** RETENTION_DAYS (180): lessons not marked keep are purged after this. */
  retentionDays: number;
  /** Scratch space for packaging (DATA_DIR/work). */
  workDir: string;
}

export function defaultRecordingsSettings(dataDir: string): RecordingsSettings {
  return {
    lessonMinMinutes: 30, lessonMinMinutesKindergarten: 15, recordingMinSeconds: 60, recordingMaxSeconds: 4 * 3600,
    hlsLadder: [], retentionDays: 180, workDir: join(dataDir, 'work'),
  };
}

export function countingRulesOf(s: RecordingsSettings): CountingRules {
  return {
    minMinutes: s.lessonMinMinutes,
    minMinutesKindergarten: s.lessonMinMinutesKindergarten,
    isSilent: (maxDb) => isSilent({ maxVolumeDb: maxDb, meanVolumeDb: maxDb, samples: null }),
  };
}

/** The pipeline's settings as configured (config.ts). */
export function recordingsSettingsFrom(config: Config): RecordingsSettings {
  return {
    lessonMinMinutes: config.lessonMinMinutes, lessonMinMinutesKindergarten: config.lessonMinMinutesKindergarten,
    recordingMinSeconds: config.recordingMinSeconds, recordingMaxSeconds: config.recordingMaxSeconds,
    hlsLadder: config.hlsLadder, retentionDays: config.retentionDays, workDir: join(config.dataDir, 'work'),
  };
}
