import { describe, expect, it } from 'vitest';
import { createFrameMeter, DIGITAL_SILENCE_DB, onLessonClock, pairMono } from './audio-frames.js';
import { pcmDecodeArgs } from './pcm-stream.js';

/** Interleaved s16le samples from per-channel functions of the sample index. */
function pcm(samples: number, ...channels: ((i: number) => number)[]): Buffer {
  const out = Buffer.alloc(samples * channels.length * 2);
  for (let i = 0; i < samples; i++) channels.forEach((f, c) => out.writeInt16LE(Math.round(f(i)), (i * channels.length + c) * 2));
  return out;
}

const square = (amplitude: number) => (i: number) => (i % 2 ? amplitude : -amplitude);

describe('the frame meter', () => {
  it('measures each channel\'s RMS per frame in dBFS, whatever the chunks\' cuts', () => {
    // 8 kHz, 20 ms = 160 samples: 3 frames; left a full-scale/2 square wave (-6 dB), right silent then -20 dB.
    const data = pcm(480, square(16384), (i) => (i < 160 ? 0 : square(3277)(i)));
    const meter = createFrameMeter({ channels: 2, sampleRate: 8000, frameMs: 20 });
    // Cut at odd byte offsets, inside samples and inside frames.
    for (let at = 0; at < data.length; at += 333) meter.push(data.subarray(at, Math.min(data.length, at + 333)));
    const levels = meter.finish();
    expect(levels.frames).toBe(3);
    expect([...levels.channels[0]!].map((v) => Math.round(v))).toEqual([-6, -6, -6]);
    expect(levels.channels[1]![0]).toBe(DIGITAL_SILENCE_DB);
    expect(Math.round(levels.channels[1]![1]!)).toBe(-20);
  });

  it('drops a last partial frame and grows past its first capacity', () => {
    const meter = createFrameMeter({ channels: 1, sampleRate: 8000, frameMs: 20 });
    meter.push(pcm(160 * 5000 + 80, square(1000)));
    expect(meter.finish().frames).toBe(5000);
  });

  it('tells one sound on both channels (correlation near 1) from two microphones (near 0)', () => {
    const noise = (seed: number) => {
      let a = seed;
      return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 20000;
    };
    const same = noise(1);
    const shared: number[] = Array.from({ length: 8000 }, same);
    const one = createFrameMeter({ channels: 2, sampleRate: 8000, frameMs: 20 });
    one.push(pcm(8000, (i) => shared[i]!, (i) => shared[i]! * 0.5));
    expect(one.finish().correlation).toBeCloseTo(1, 3);
    const [l, r] = [noise(2), noise(3)];
    const two = createFrameMeter({ channels: 2, sampleRate: 8000, frameMs: 20 });
    two.push(pcm(8000, () => l(), () => r()));
    expect(Math.abs(two.finish().correlation!)).toBeLessThan(0.1);
  });
});

describe('levels on the lesson clock', () => {
  const levels = (values: number[]) => ({ frameMs: 20, frames: values.length, channels: [Float32Array.from(values)], correlation: null });

  it('shifts a track that started late, drops what came before the clock\'s zero, and pairs two tracks', () => {
    expect([...onLessonClock(levels([-10, -11]), 40).channels[0]!]).toEqual([DIGITAL_SILENCE_DB, DIGITAL_SILENCE_DB, -10, -11]);
    expect([...onLessonClock(levels([-10, -11, -12]), -20).channels[0]!]).toEqual([-11, -12]);
    const paired = pairMono(levels([-1, -2, -3]), levels([-4]));
    expect(paired.frames).toBe(3);
    expect([...paired.channels[1]!]).toEqual([-4, DIGITAL_SILENCE_DB, DIGITAL_SILENCE_DB]);
  });
});

describe('the PCM decode arguments', () => {
  it('keep two channels apart (a pan, not a downmix), at 8 kHz, from the upload behind the whitelist', () => {
    const args = pcmDecodeArgs('/data/x.mp4', { layout: 'stereo', streamIndex: 1 });
    expect(args.join(' ')).toBe(
      '-protocol_whitelist file -format_whitelist mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,mpegts,flv,avi,mpeg,asf -i file:/data/x.mp4 '
      + '-map 0:1 -vn -sn -dn -af pan=stereo|c0=c0|c1=c1 -ar 8000 -c:a pcm_s16le -f s16le pipe:1',
    );
    expect(pcmDecodeArgs('/data/x.mp4', { layout: 'mono' })).toEqual(expect.arrayContaining(['-map', '0:a:0', '-ac', '1']));
  });
});
