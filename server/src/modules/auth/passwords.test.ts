import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it.each([
    ['Ab1!', 'PASSWORD_LENGTH'],
    ['A'.repeat(30) + 'b1!'.repeat(12), 'PASSWORD_LENGTH'],
    ['abcdefgh12', 'PASSWORD_CLASSES'],
    ['ABCDEFGH!!', 'PASSWORD_CLASSES'],
    ['P@ssw0rd', 'PASSWORD_COMMON'],
    ['Admin@123', 'PASSWORD_COMMON'],
    ['Zhangwei#2018', 'PASSWORD_CONTAINS_USERNAME'],
  ])('rejects %s with %s', (password, code) => {
    expect(checkPasswordPolicy(password, 'zhangwei')?.code).toBe(code);
  });

  it.each(['Sunshine@2018', 'lc-Guanxian-7', '教研Aa12345'])('accepts %s', (password) => {
    expect(checkPasswordPolicy(password, 'gxsy.teacher')).toBeNull();
  });

  it('explains the problem in Chinese', () => {
    expect(checkPasswordPolicy('short')?.message).toMatch(/8 到 64/);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Sunshine@2018');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Sunshine@2018')).toBe(true);
    expect(await verifyPassword(h, 'Sunshine@2019')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
