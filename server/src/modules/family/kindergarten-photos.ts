import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import type { UploadedFile } from '../../http/uploaded-file.js';
import { extensionOf, FILE_SIGNATURES, hasSignatureOf } from '../../storage/file-signature.js';
import { kindergartenPhotoKey } from '../../storage/keys.js';
import type { ObjectStore } from '../../storage/object-store.js';

/** A photo is for a face at the gate or a medicine box: 5 MB is plenty for a phone's picture. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png'];

export type PhotoKind = 'person' | 'one-off' | 'medication';

/**
 * Kindergarten photos in the object store: checked by their first bytes (a renamed file is
 * refused whatever its name), stored under a fresh key, read back only after the caller checked
 * the reach of the child they belong to.
 */
export function kindergartenPhotos(storage: ObjectStore | undefined) {
  const store = () => {
    if (!storage) throw new AppError(503, 'STORAGE_UNAVAILABLE', '文件存储未配置：请联系管理员');
    return storage;
  };

  /** Stores the photo and returns its key and type; the caller saves them and deletes `previous`. */
  async function put(kind: PhotoKind, id: number, file: UploadedFile): Promise<{ key: string; type: string }> {
    const ext = extensionOf(file.filename);
    if (!PHOTO_EXTENSIONS.includes(ext) || !hasSignatureOf(ext, file.data)) {
      throw badRequest('PHOTO_TYPE', `照片只能是 JPG 或 PNG 图片：${file.filename} 不是，请拍照或另选一张图片`);
    }
    if (file.data.length > PHOTO_MAX_BYTES) {
      throw new AppError(413, 'PHOTO_TOO_LARGE', `照片超过 5 MB（${(file.data.length / 1024 / 1024).toFixed(1)} MB）：请压缩或重新拍一张`);
    }
    const type = FILE_SIGNATURES[ext]!.type;
    const key = kindergartenPhotoKey(kind, id, randomBytes(12).toString('hex'), ext === 'jpeg' ? 'jpg' : ext);
    await store().putStream(key, Readable.from([file.data]), type);
    return { key, type };
  }

  async function get(key: string | null, type: string | null) {
    if (!key) throw notFound('照片');
    const obj = await store().get(key);
    if (!obj) throw notFound('照片');
    return { body: obj.body, size: obj.size, contentType: type ?? obj.contentType ?? 'application/octet-stream' };
  }

  async function remove(key: string | null) {
    if (key && storage) await storage.delete(key);
  }

  return { put, get, remove };
}

export type KindergartenPhotos = ReturnType<typeof kindergartenPhotos>;
