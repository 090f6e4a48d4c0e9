import { crc32, deflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A placeholder "mini-program code": a grey-scale PNG of `size`×`size` with three corner squares (so it reads as a code
 * on a demo screen) and `text` in tEXt chunks (so tests can see which scene and page it was made for).
 */
export function placeholderCodePng(size: number, text: Record<string, string> = {}): Buffer {
  const modules = 21;
  const cell = Math.max(1, Math.floor(size / modules));
  const inFinder = (mx: number, my: number): boolean => {
    const corners: Array<[number, number]> = [
      [0, 0],
      [modules - 7, 0],
      [0, modules - 7],
    ];
    return corners.some(([cx, cy]) => {
      const x = mx - cx;
      const y = my - cy;
      if (x < 0 || y < 0 || x > 6 || y > 6) return false;
      const ring = Math.min(x, y, 6 - x, 6 - y);
      return ring !== 1;
    });
  };
  // One filter byte (0 = none) before each row of 8-bit grey pixels.
  const raw = Buffer.alloc((size + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / cell);
      const my = Math.floor(y / cell);
      if (mx < modules && my < modules && inFinder(mx, my)) raw[y * (size + 1) + 1 + x] = 0x00;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grey-scale
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const textChunks = Object.entries(text).map(([key, value]) =>
    chunk('tEXt', Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')])),
  );
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    ...textChunks,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
