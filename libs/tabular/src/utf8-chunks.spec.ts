import { alignUtf8Chunks, completeUtf8Length } from './utf8-chunks.js';

async function* from(chunks: Uint8Array[]) {
  yield* chunks;
}

describe('UTF-8 chunk alignment', () => {
  it('completeUtf8Length leaves out a character cut at the end', () => {
    const text = Buffer.from('a李𠀀', 'utf8'); // 1 + 3 + 4 bytes
    expect(completeUtf8Length(text)).toBe(8);
    expect(completeUtf8Length(text.subarray(0, 7))).toBe(4);
    expect(completeUtf8Length(text.subarray(0, 5))).toBe(4);
    expect(completeUtf8Length(text.subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(text.subarray(0, 1))).toBe(1);
    expect(completeUtf8Length(Buffer.alloc(0))).toBe(0);
  });

  it('re-chunks so that each chunk decodes on its own, whatever the cuts', async () => {
    const text = '学号,姓名\n2027001,李伟𠀀\n'.repeat(50);
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      let decoded = '';
      // Decoded chunk by chunk, as exceljs does: no chunk may end inside a character.
      for await (const chunk of alignUtf8Chunks(from(chunks))) decoded += new TextDecoder().decode(chunk);
      expect({ size, same: decoded === text }).toEqual({ size, same: true });
    }
  });
});
