/** Loudness of a recording's audio as measured by ffmpeg's volumedetect (dBFS; digital silence ≈ -91). */
export interface AudioLevels {
  maxVolumeDb: number;
  meanVolumeDb: number;
  /** Number of samples measured (all channels). */
  samples: number | null;
}

/**
 * Below this peak a track is silent. A classroom microphone that works picks up speech peaking at
 * -25…-6 dBFS and room noise around -60…-45; a disconnected or muted input gives digital silence
 * (-91) or an electrical noise floor below -60. -50 sits between, with margin on both sides.
 */
export const SILENCE_THRESHOLD_DB = -50;

/**
 * Silent when the loudest sample stays below the threshold. We use the peak, not the mean: a lesson
 * of quiet written work with a few spoken minutes has a low mean but is not silent, whereas a dead
 * input never peaks. The peak's weakness is a single click on a dead line (counted as sound); the
 * mean is kept in AudioLevels should that ever need a second rule.
 */
export function isSilent(audio: AudioLevels, thresholdDb = SILENCE_THRESHOLD_DB): boolean {
  return audio.maxVolumeDb < thresholdDb;
}

/**
 * Reads volumedetect's report from ffmpeg's stderr; null when there is none (no audio, or the
 * filter never ran). With several reports the last one wins.
 */
export function parseVolumeDetect(stderr: string): AudioLevels | null {
  const last = (key: string): string | undefined => {
    const all = [...stderr.matchAll(new RegExp(`volumedetect[^\\]]*\\]\\s*${key}:\\s*(-?(?:\\d+(?:\\.\\d+)?|inf))`, 'g'))];
    return all.at(-1)?.[1];
  };
  const max = last('max_volume');
  const mean = last('mean_volume');
  if (max === undefined || mean === undefined) return null;
  const samples = last('n_samples');
  return { maxVolumeDb: db(max), meanVolumeDb: db(mean), samples: samples === undefined ? null : Number(samples) };
}

const db = (text: string) => (text.endsWith('inf') ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text));
