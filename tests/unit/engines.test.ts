import { describe, expect, it } from 'vitest';
import { normaliseFingerprint } from '../../common/contract/client';
import { numberPlaceholders } from '../../database/sql-placeholders';
import { driverError } from '../../electron/api/driver-errors';
import { normaliseAddress } from '../../electron/api/server-router';

describe('the SQL written by hand, on PostgreSQL', () => {
  it('numbers ? placeholders, and leaves literals, quoted names and comments alone', () => {
    expect(
      numberPlaceholders(
        `SELECT 'a?''?' AS "b?", x FROM t -- why?\nWHERE a = ? AND b IN (?, ?) /* ? */ AND c = ?`,
      ),
    ).toBe(
      `SELECT 'a?''?' AS "b?", x FROM t -- why?\nWHERE a = $1 AND b IN ($2, $3) /* ? */ AND c = $4`,
    );
    expect(numberPlaceholders('SELECT $1, ?')).toBe('SELECT $1, ?');
    expect(numberPlaceholders('SELECT 1')).toBe('SELECT 1');
  });
});

describe('server mode inputs', () => {
  it('reads a certificate fingerprint however it is written', () => {
    const hex = 'ab'.repeat(32);
    const expected = 'AB:'.repeat(31) + 'AB';
    expect(normaliseFingerprint(hex)).toBe(expected);
    expect(normaliseFingerprint(`SHA256:${expected.toLowerCase()}`)).toBe(expected);
    expect(normaliseFingerprint(` ${expected.replace(/:/g, ' ')} `)).toBe(expected);
    expect(normaliseFingerprint('ab'.repeat(31))).toBeNull();
    expect(normaliseFingerprint('zz'.repeat(32))).toBeNull();
  });

  it('treats an IPv4 client seen through IPv6 as the same client', () => {
    expect(normaliseAddress('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(normaliseAddress('10.0.0.5')).toBe('10.0.0.5');
    expect(normaliseAddress('fe80::1')).toBe('fe80::1');
  });

  it('answers PostgreSQL losing a connection or two writers colliding in the user’s words', () => {
    const pg = (code: string) => Object.assign(new Error('x'), { driverError: { code } });
    expect(driverError(pg('23505'))?.code).toBe('CONFLICT');
    expect(driverError(pg('40001'))?.code).toBe('CONFLICT');
    expect(driverError(pg('57P01'))?.key).toBe('server.databaseUnavailable');
    expect(driverError(pg('08006'))?.code).toBe('UNAVAILABLE');
    expect(driverError(new Error('Connection terminated unexpectedly'))?.code).toBe('UNAVAILABLE');
    expect(driverError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))?.code).toBe(
      'UNAVAILABLE',
    );
    expect(driverError(pg('42P01'))).toBeUndefined();
    expect(driverError(new Error('SQLITE_CONSTRAINT'))).toBeUndefined();
  });
});
