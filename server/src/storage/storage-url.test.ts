import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import {
  hlsMasterKey, hlsPlaylistKey, hlsSegmentKey, posterKey, recordingPrefix, recordingSourceKey, thumbnailKey,
  thumbnailSpriteKey, uploadStagingKey,
} from './keys.js';
import { assertValidKey, contentTypeFor, InvalidObjectKeyError } from './object-store.js';
import { parseStorageUrl } from './storage-url.js';

describe('STORAGE_URL', () => {
  it('means disk under DATA_DIR/objects when unset, or the folder of a file:// URL', () => {
    expect(parseStorageUrl(null, '/srv/data')).toEqual({ kind: 'fs', root: '/srv/data/objects' });
    expect(parseStorageUrl('  ', '/srv/data')).toEqual({ kind: 'fs', root: '/srv/data/objects' });
    expect(parseStorageUrl('file:///mnt/nas/objects', '/srv/data')).toEqual({ kind: 'fs', root: '/mnt/nas/objects' });
  });

  it('reads bucket, folder, endpoint, region, path style and credentials from an s3:// URL', () => {
    expect(parseStorageUrl('s3://lessons/campus/?endpoint=http://127.0.0.1:9000&region=cn-north-1', '/d')).toEqual({
      kind: 's3', bucket: 'lessons', prefix: 'campus/', region: 'cn-north-1', endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true, credentials: undefined,
    });
    expect(parseStorageUrl('s3://AK:se%2Fcret@lessons?forcePathStyle=false', '/d', { AWS_REGION: 'eu-west-1' })).toMatchObject({
      prefix: '', region: 'eu-west-1', endpoint: undefined, forcePathStyle: false,
      credentials: { accessKeyId: 'AK', secretAccessKey: 'se/cret' },
    });
    expect(parseStorageUrl('s3://lessons?endpoint=http://minio:9000&publicEndpoint=https://media.example.org', '/d')).toMatchObject({
      endpoint: 'http://minio:9000', publicEndpoint: 'https://media.example.org',
    });
    expect(parseStorageUrl('s3://lessons?presign=false', '/d')).toMatchObject({ presign: false });
  });

  it('fails with a message naming the mistake, and never prints a secret', () => {
    const bad: [string, RegExp][] = [
      ['minio://bucket', /must start with s3:\/\/ or file:\/\//],
      ['s3://Bad_Bucket', /no valid bucket/],
      ['s3://lessons?regin=x', /unknown parameter "regin"/],
      ['s3://lessons?endpoint=127.0.0.1:9000', /endpoint must be an http/],
      ['s3://lessons?forcePathStyle=yes', /forcePathStyle must be true or false/],
      ['s3://AK@lessons', /credentials need both parts/],
      ['s3://lessons/a%20b', /folder inside the bucket/],
      ['s3://lessons?presign=no', /presign must be true or false/],
      ['s3://lessons?publicEndpoint=media.example.org', /publicEndpoint must be an http/],
    ];
    for (const [url, message] of bad) expect(() => parseStorageUrl(url, '/d'), url).toThrow(message);
    expect(() => parseStorageUrl('s3://AK:topsecret@Bad_Bucket', '/d')).toThrow(ConfigError);
    expect(() => parseStorageUrl('s3://AK:topsecret@Bad_Bucket', '/d')).not.toThrow(/topsecret/);
  });
});

describe('object keys', () => {
  it('puts everything of a recording under recordings/<id>/', () => {
    const keys = [
      recordingSourceKey(7, 'mp4'), hlsMasterKey(7), hlsPlaylistKey(7, '720p'), hlsSegmentKey(7, '720p', 'seg-00001.ts'),
      posterKey(7), thumbnailKey(7, 3), thumbnailSpriteKey(7),
    ];
    expect(keys).toEqual([
      'recordings/7/source.mp4', 'recordings/7/hls/master.m3u8', 'recordings/7/hls/720p/index.m3u8',
      'recordings/7/hls/720p/seg-00001.ts', 'recordings/7/poster.jpg', 'recordings/7/thumbs/00003.jpg',
      'recordings/7/thumbs/sprite.jpg',
    ]);
    for (const key of keys) {
      expect(key.startsWith(recordingPrefix(7))).toBe(true);
      expect(() => assertValidKey(key)).not.toThrow();
    }
    expect(contentTypeFor(hlsMasterKey(7))).toBe('application/vnd.apple.mpegurl');
    expect(uploadStagingKey('a1b2c3')).toBe('uploads/a1b2c3');
  });

  it('refuses parts that would escape their folder', () => {
    expect(() => hlsSegmentKey(7, '720p', '../../1/source.mp4')).toThrow(InvalidObjectKeyError);
    expect(() => hlsSegmentKey(7, '..', 'a.ts')).toThrow(InvalidObjectKeyError);
    expect(() => hlsPlaylistKey(7, '720p/x')).toThrow(InvalidObjectKeyError);
    expect(() => recordingPrefix(0)).toThrow(InvalidObjectKeyError);
    expect(() => recordingPrefix(1.5)).toThrow(InvalidObjectKeyError);
    expect(() => recordingSourceKey(1, 'mp4/../x')).toThrow(InvalidObjectKeyError);
    expect(() => uploadStagingKey('.hidden')).toThrow(InvalidObjectKeyError);
  });
});
