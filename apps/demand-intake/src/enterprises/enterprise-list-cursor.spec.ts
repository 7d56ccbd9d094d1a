import { decodeListCursor, encodeListCursor } from './enterprise-list-cursor.js';

describe('enterprise list cursor', () => {
  it('round-trips a position exactly (millisecond and id)', () => {
    const position = { createdAt: new Date('2024-11-23T08:15:30.123Z'), id: 'ent-企业-1' };
    const cursor = encodeListCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64', '***'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON without fields', Buffer.from('{}').toString('base64url')],
    ['bad time', Buffer.from(JSON.stringify({ t: 'yesterday', id: 'x' })).toString('base64url')],
    ['empty id', Buffer.from(JSON.stringify({ t: '2024-11-23T08:15:30.123Z', id: '' })).toString('base64url')],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url')],
  ])('refuses %s', (_name, cursor) => {
    expect(decodeListCursor(cursor)).toBeNull();
  });
});
