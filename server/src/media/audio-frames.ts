/**
 * Loudness per short frame and channel, from raw s16le PCM (media/pcm-stream.ts) as it streams:
 * the input of speech-activity measures. Pure and incremental: feed chunks cut anywhere, then
 * `finish`. Memory is one float per frame and channel (a 45-minute lesson at 20 ms: 135 000).
 */

/** dBFS given to a frame of digital silence (log of zero), and the floor of every level. */
export const DIGITAL_SILENCE_DB = -100;

export interface FrameLevels {
  frameMs: number;
  /** Frames measured (a last partial frame is dropped). */
  frames: number;
  /** Per channel, each frame's RMS level in dBFS (0 = a full-scale square wave), ≥ DIGITAL_SILENCE_DB. */
  channels: Float32Array[];
  /**
   * With two channels: the normalised correlation of their samples over the whole stream (1 = the
   * same signal on both, up to gain; near 0 = unrelated microphones). Null with one channel or
   * no signal.
   */
  correlation: number | null;
}

export interface FrameMeter {
  push(chunk: Buffer): void;
  finish(): FrameLevels;
}

const FULL_SCALE_SQUARED = 32768 * 32768;

/** A meter of `channels` interleaved s16le channels at `sampleRate`, in frames of `frameMs`. */
export function createFrameMeter(opts: { channels: number; sampleRate: number; frameMs: number }): FrameMeter {
  const { channels } = opts;
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`channels must be ≥ 1, got ${channels}`);
  const samplesPerFrame = Math.round((opts.sampleRate * opts.frameMs) / 1000);
  if (samplesPerFrame < 1) throw new Error('frame shorter than one sample');
  const bytesPerSampleSet = 2 * channels;

  let capacity = 4096;
  let levels = Array.from({ length: channels }, () => new Float32Array(capacity));
  let frames = 0;
  const sums = new Float64Array(channels);
  let inFrame = 0;
  // Across the whole stream, for the correlation of two channels.
  let sumLL = 0;
  let sumRR = 0;
  let sumLR = 0;
  let rest: Buffer | null = null;

  function closeFrame() {
    if (frames === capacity) {
      capacity *= 2;
      levels = levels.map((old) => {
        const grown = new Float32Array(capacity);
        grown.set(old);
        return grown;
      });
    }
    for (let c = 0; c < channels; c++) {
      const meanSquare = sums[c]! / (samplesPerFrame * FULL_SCALE_SQUARED);
      levels[c]![frames] = meanSquare > 0 ? Math.max(DIGITAL_SILENCE_DB, 10 * Math.log10(meanSquare)) : DIGITAL_SILENCE_DB;
      sums[c] = 0;
    }
    frames++;
    inFrame = 0;
  }

  return {
    push(chunk: Buffer) {
      const data = rest ? Buffer.concat([rest, chunk]) : chunk;
      const whole = data.length - (data.length % bytesPerSampleSet);
      rest = whole < data.length ? Buffer.from(data.subarray(whole)) : null;
      // An aligned copy, so the samples can be read as an Int16Array (a chunk may start at an odd offset).
      const samples = new Int16Array(whole / 2);
      Buffer.from(samples.buffer).set(data.subarray(0, whole));
      if (channels === 2) {
        for (let i = 0; i < samples.length; i += 2) {
          const l = samples[i]!;
          const r = samples[i + 1]!;
          sums[0] = sums[0]! + l * l;
          sums[1] = sums[1]! + r * r;
          sumLL += l * l;
          sumRR += r * r;
          sumLR += l * r;
          if (++inFrame === samplesPerFrame) closeFrame();
        }
      } else {
        for (let i = 0; i < samples.length; i += channels) {
          for (let c = 0; c < channels; c++) {
            const v = samples[i + c]!;
            sums[c] = sums[c]! + v * v;
          }
          if (++inFrame === samplesPerFrame) closeFrame();
        }
      }
    },
    finish(): FrameLevels {
      const correlation = channels === 2 && sumLL > 0 && sumRR > 0 ? sumLR / Math.sqrt(sumLL * sumRR) : null;
      return { frameMs: opts.frameMs, frames, channels: levels.map((l) => l.slice(0, frames)), correlation };
    },
  };
}

/**
 * Levels moved onto a lesson's clock: `offsetMs` says where the stream's first frame lies (a camera
 * that started 3 s into the lesson: 3000). Frames before the clock's zero are dropped; a positive
 * offset is filled with digital silence.
 */
export function onLessonClock(levels: FrameLevels, offsetMs: number): FrameLevels {
  const shift = Math.round(offsetMs / levels.frameMs);
  if (shift === 0) return levels;
  const frames = Math.max(0, levels.frames + shift);
  const channels = levels.channels.map((src) => {
    const out = new Float32Array(frames).fill(DIGITAL_SILENCE_DB);
    if (shift > 0) out.set(src, shift);
    else out.set(src.subarray(-shift));
    return out;
  });
  return { ...levels, frames, channels };
}

/**
 * Two mono streams already on one clock (onLessonClock) as one two-channel FrameLevels, `a` as
 * channel 0; the shorter is padded with digital silence. Both must share frameMs.
 */
export function pairMono(a: FrameLevels, b: FrameLevels): FrameLevels {
  if (b.frameMs !== a.frameMs) throw new Error('frame lengths differ');
  const frames = Math.max(a.frames, b.frames);
  const padded = (src: Float32Array) => {
    if (src.length === frames) return src;
    const out = new Float32Array(frames).fill(DIGITAL_SILENCE_DB);
    out.set(src);
    return out;
  };
  return { frameMs: a.frameMs, frames, channels: [padded(a.channels[0]!), padded(b.channels[0]!)], correlation: null };
}
