import { TextDecoder } from 'node:util';
import { TabularError } from './tabular.error.js';

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030'] as const;
export type TextEncodingOption = (typeof TEXT_ENCODINGS)[number];
type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Enough text to hold a header and some rows: Chinese headers show the encoding right away. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The encoding of a text file from its first bytes: a byte-order mark decides; otherwise UTF-8
 * if the bytes are valid UTF-8 (ASCII included), else GB18030 (what Excel and WPS on Chinese
 * Windows write for “CSV”). A multi-byte character cut at the end of the sample is not an error.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GB18030/GBK',
};

function decoderFor(encoding: Encoding): TextDecoder {
  try {
    // The byte-order mark is dropped by the decoder (ignoreBOM: false).
    return new TextDecoder(encoding, { fatal: true });
  } catch (cause) {
    // Only a Node.js built without full ICU lacks GB18030.
    throw new TabularError(
      'encoding',
      `当前运行环境不支持 ${ENCODING_LABELS[encoding]} 解码，请将文件另存为 UTF-8 编码的 CSV`,
      undefined,
      { cause },
    );
  }
}

/**
 * Bytes → text, chunk by chunk, in the given encoding or the detected one. Bytes that are not
 * valid in that encoding stop decoding with a TabularError rather than turning into “�”.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  option: TextEncodingOption = 'auto',
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  let sourceEnded = false;
  try {
    const head: Uint8Array[] = [];
    let headBytes = 0;
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        sourceEnded = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    const encoding = option === 'auto' ? detectEncoding(Buffer.concat(head)) : option;
    const decoder = decoderFor(encoding);
    const decode = (bytes?: Uint8Array): string => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      } catch (cause) {
        throw new TabularError(
          'encoding',
          `文件中有不是 ${ENCODING_LABELS[encoding]} 编码的内容，无法读取；请将文件另存为“CSV UTF-8（逗号分隔）”后重新上传`,
          undefined,
          { cause },
        );
      }
    };
    for (const chunk of head) {
      const text = decode(chunk);
      if (text) yield text;
    }
    while (!sourceEnded) {
      const next = await iterator.next();
      if (next.done) sourceEnded = true;
      else {
        const text = decode(next.value);
        if (text) yield text;
      }
    }
    const tail = decode();
    if (tail) yield tail;
  } finally {
    // Stopped early or failed: let the source release what it holds.
    if (!sourceEnded) await iterator.return?.();
  }
}
