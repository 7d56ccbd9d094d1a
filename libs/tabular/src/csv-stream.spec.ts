import { csvLine, csvStream } from './csv-stream.js';
import { writeCsv } from './csv-writer.js';

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('csvStream', () => {
  it('writes what writeCsv writes (BOM, CRLF, quoting, neutralised formulas)', async () => {
    const rows = [
      { 行号: 2, 值: 'a,b', 说明: '含"引号"' },
      { 行号: 3, 值: '=HYPERLINK("x")', 说明: '两行\n说明' },
      { 行号: 4, 值: null, 说明: undefined },
    ];
    const headers = ['行号', '值', '说明'];
    expect(await collect(csvStream(rows, headers))).toEqual(writeCsv(rows, headers));
  });

  it('streams rows that arrive over time, in chunks, without losing any', async () => {
    async function* rows() {
      for (let i = 0; i < 5_000; i++) yield { n: i, text: `第 ${i} 行,含逗号` };
    }
    const stream = csvStream(rows(), ['n', 'text']);
    let chunks = 0;
    const parts: Buffer[] = [];
    for await (const chunk of stream) {
      chunks += 1;
      parts.push(chunk as Buffer);
    }
    const lines = Buffer.concat(parts).toString('utf8').split('\r\n');
    expect(chunks).toBeGreaterThan(1);
    expect(lines[0]).toBe('\uFEFFn,text');
    expect(lines[5_000]).toBe('4999,"第 4999 行,含逗号"');
    expect(lines).toHaveLength(5_002);
  });

  it('csvLine quotes only what needs it', () => {
    expect(csvLine(['a', 'b c', 'd,e', 'f"g', 1, null])).toBe('a,b c,"d,e","f""g",1,');
  });
});
