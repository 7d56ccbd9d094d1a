/**
 * The length of the prefix of `bytes` that ends on a UTF-8 character boundary: a character whose
 * bytes continue in the next chunk is left out. Bytes that are not valid UTF-8 are not judged
 * here (the decoder downstream deals with them).
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  // A character has at most 4 bytes, so only the last 3 can start an unfinished one.
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + size <= n ? n : i;
  }
  return n;
}

/**
 * Re-chunks a byte stream so that no chunk ends inside a UTF-8 character: for consumers that
 * decode each chunk on its own (exceljs's XML reader does), which would otherwise turn a
 * character split across two chunks into two “�”.
 */
export async function* alignUtf8Chunks(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const joined = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    const cut = completeUtf8Length(joined);
    carry = Buffer.from(joined.subarray(cut));
    if (cut > 0) yield joined.subarray(0, cut);
  }
  if (carry.length) yield carry;
}
