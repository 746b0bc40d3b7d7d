import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { singleton } from '../../db/singleton'
import { Semaphore } from './semaphore'

const rawScrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

/**
 * Two hashes at a time (libuv's pool has four threads, and the collab server needs the rest),
 * eight more waiting (~2 s of work); beyond that the caller gets a BusyError and answers 503.
 */
const slots = singleton('scrypt-slots', () => new Semaphore(2, 8))

const scrypt = (...args: Parameters<typeof rawScrypt>) => slots.run(() => rawScrypt(...args))

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MiB per hash; we stay at that level.
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }
const KEYLEN = 32

/** `scrypt$N$r$p$salt$hash`, so the parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const hash = await scrypt(password.normalize('NFC'), salt, KEYLEN, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  })
  return crypto.timingSafeEqual(expected, actual)
}
