import { inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Just enough of the ZIP and PDF formats to check what the exports hold, with Node's own zlib:
 * no PDF or spreadsheet library is a dependency of the app.
 */

/** The files of a ZIP archive (an XLSX is one), by name, as text. Reads the central directory. */
export function unzipText(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  // End of central directory: signature 0x06054b50, at most 64 KiB + 22 bytes from the end.
  let eocd = -1;
  for (let i = archive.length - 22; i >= Math.max(0, archive.length - 65_557); i--)
    if (archive.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a ZIP archive');
  const entries = archive.readUInt16LE(eocd + 10);
  let at = archive.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localHeader = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const localNameLength = archive.readUInt16LE(localHeader + 26);
    const localExtraLength = archive.readUInt16LE(localHeader + 28);
    const start = localHeader + 30 + localNameLength + localExtraLength;
    const data = archive.subarray(start, start + compressedSize);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The cells of a worksheet as text, shared strings resolved (row by row, cells joined by tabs). */
export function xlsxSheetText(files: Map<string, string>, sheetPath: string): string {
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1] ?? '')).join(''),
  );
  const sheet = files.get(sheetPath);
  if (!sheet) throw new Error(`no ${sheetPath}`);
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)]
    .map((row) =>
      [...(row[1] ?? '').matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)]
        .map((cell) => {
          const attributes = cell[1] ?? '';
          const inner = cell[2] ?? '';
          const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
          const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
          if (/t="s"/.test(attributes) && value !== undefined) return shared[Number(value)] ?? '';
          if (inline !== undefined) return unescapeXml(inline);
          return value ?? '';
        })
        .join('\t'),
    )
    .join('\n');
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The text of a PDF as Chromium writes it: Type 0 fonts with Identity-H glyph ids in `Tj`/`TJ`
 * strings, and a ToUnicode CMap per font. Each text object (BT … ET) becomes one line.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const start = (m.index ?? 0) + m[0].indexOf('stream') + 'stream'.length;
      const dataStart = raw[start] === '\r' ? start + 2 : start + 1;
      const data = pdf.subarray(dataStart, dataStart + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(data) : data;
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  // Font resource name (/F4) → its ToUnicode map (glyph id → text).
  const fontObjectOf = new Map<string, number>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontObjectOf.set(m[1] as string, Number(m[2]));
  const unicodeOf = new Map<number, Map<number, string>>();
  const cmapFor = (fontObject: number) => {
    if (unicodeOf.has(fontObject)) return unicodeOf.get(fontObject) as Map<number, string>;
    const map = new Map<number, string>();
    const toUnicode = Number(/\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject)?.dict ?? '')?.[1] ?? -1);
    const cmap = objects.get(toUnicode)?.stream?.toString('latin1') ?? '';
    const utf16 = (hex: string) =>
      String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(Number.parseInt(pair[1] as string, 16), utf16(pair[2] as string));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const range of (block[1] ?? '').matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        const low = Number.parseInt(range[1] as string, 16);
        const high = Number.parseInt(range[2] as string, 16);
        const first = Number.parseInt(range[3] as string, 16);
        for (let code = low; code <= high; code++) map.set(code, String.fromCharCode(first + code - low));
      }
    unicodeOf.set(fontObject, map);
    return map;
  };
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bTf\b/.test(content)) continue;
    let font = new Map<number, string>();
    let line = '';
    for (const token of content.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|\bET\b/g)) {
      if (token[1]) font = cmapFor(fontObjectOf.get(token[1]) ?? -1);
      else if (token[2] !== undefined)
        for (const glyph of token[2].match(/.{4}/g) ?? []) line += font.get(Number.parseInt(glyph, 16)) ?? '';
      else {
        lines.push(line);
        line = '';
      }
    }
  }
  return lines.join('\n');
}
