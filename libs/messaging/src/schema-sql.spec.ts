import { messagingTablesDown, messagingTablesUp, quoteIdent } from './schema-sql.js';

describe('quoteIdent', () => {
  it.each(['demand-intake', 'graduate_profiles', 'matching', '_x1'])('quotes %s', (name) => {
    expect(quoteIdent(name)).toBe(`"${name}"`);
  });

  it.each(['x"; drop', 'Matching', 'MATCHING', '', '1abc', '-abc', 'a b', 'a.b', 'schema;', 'ä', 'demandIntake'])(
    'rejects %j',
    (name) => {
      expect(() => quoteIdent(name)).toThrow(`unsafe SQL identifier: ${name}`);
    },
  );
});

describe('messaging tables DDL', () => {
  it('creates outbox and inbox in the quoted schema', () => {
    const sql = messagingTablesUp('demand-intake');
    expect(sql.some((s) => s.startsWith('CREATE TABLE "demand-intake".outbox'))).toBe(true);
    expect(sql.some((s) => s.startsWith('CREATE TABLE "demand-intake".inbox'))).toBe(true);
    expect(sql.find((s) => s.includes('.inbox'))).toContain('PRIMARY KEY (consumer, event_id)');
  });

  it('drops inbox and outbox', () => {
    expect(messagingTablesDown('matching')).toEqual(['DROP TABLE "matching".inbox', 'DROP TABLE "matching".outbox']);
  });

  it('refuses an unsafe schema', () => {
    expect(() => messagingTablesUp('x"; drop')).toThrow('unsafe SQL identifier');
    expect(() => messagingTablesDown('x"; drop')).toThrow('unsafe SQL identifier');
  });
});
