import {
  decodeGraduateCursor,
  decodeRevealCursor,
  encodeGraduateCursor,
  encodeRevealCursor,
} from './graduate-cursors.js';

describe('graduate cursors', () => {
  it('round-trips a student number and a reveal id', () => {
    expect(decodeGraduateCursor(encodeGraduateCursor('2023-01_A.7'))).toBe('2023-01_A.7');
    expect(decodeRevealCursor(encodeRevealCursor('42'))).toBe('42');
  });

  it('refuses cursors it did not produce', () => {
    expect(decodeGraduateCursor('not a cursor')).toBeNull();
    expect(decodeGraduateCursor(Buffer.from('[1]').toString('base64url'))).toBeNull();
    expect(decodeGraduateCursor(Buffer.from(JSON.stringify({ s: "x' OR 1=1" })).toString('base64url'))).toBeNull();
    expect(decodeRevealCursor(encodeGraduateCursor('2023010101'))).toBeNull();
    expect(decodeRevealCursor(Buffer.from(JSON.stringify({ r: '-1' })).toString('base64url'))).toBeNull();
  });
});
