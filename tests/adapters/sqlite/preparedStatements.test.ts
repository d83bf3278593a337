import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { preparingOnce } from '../../../src/adapters/sqlite/preparedStatements.js';

describe('statements prepared once by their text', () => {
  const sqlite = new SqliteDatabase(':memory:');
  const prepared: string[] = [];
  const counting = new Proxy(sqlite, {
    get(target, name) {
      if (name === 'prepare') return (text: string) => (prepared.push(text), target.prepare(text));
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  afterEach(() => {
    prepared.length = 0;
  });

  it('a statement asked for again is the one prepared before, and answers with the new parameters', () => {
    const db = preparingOnce(counting, 10);
    const first = db.prepare('select ? as n');
    const again = db.prepare('select ? as n');
    expect(again).toBe(first);
    expect(again.all([7])).toEqual([{ n: 7 }]);
    expect(prepared).toEqual(['select ? as n']);
  });

  it('keeps only the most recently used texts, preparing a forgotten one again', () => {
    const db = preparingOnce(counting, 2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3');
    db.prepare('select 1');
    db.prepare('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('a statement still being read row by row is not handed out twice: the second reader gets its own', () => {
    const db = preparingOnce(counting, 10);
    const reading = db.prepare('select value from json_each(?)');
    const rows = reading.iterate(['[1,2,3]']);
    rows.next();
    const other = db.prepare('select value from json_each(?)');
    expect(other).not.toBe(reading);
    expect(other.all(['[4]'])).toEqual([{ value: 4 }]);
    expect([...rows].map((r) => (r as { value: number }).value)).toEqual([2, 3]);
  });

  it('counts the statements handed out that may change the database, and only those', () => {
    const db = preparingOnce(counting, 10);
    db.prepare('create table if not exists counted (n integer)').run([]);
    const before = db.writes;
    db.prepare('select count(*) from counted').all([]);
    db.prepare('select ? as n').all([1]);
    expect(db.writes).toBe(before);
    db.prepare('insert into counted (n) values (?)').run([1]);
    db.prepare('update counted set n = 2').run([]);
    db.prepare('insert into counted (n) values (3) returning n').all([]);
    expect(db.writes).toBe(before + 3);
  });
});
