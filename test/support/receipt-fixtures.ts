// Smallest byte strings that carry each allowed type's signature; `salt` makes distinct files of one type.
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

export const jpegBytes = (salt = 'a'): Uint8Array =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'), 0x00, ...ascii(salt), 0xff, 0xd9]);

export const pngBytes = (salt = 'a'): Uint8Array =>
  new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    ...ascii('IHDR'),
    ...ascii(salt),
  ]);

export const pdfBytes = (salt = 'a'): Uint8Array =>
  new TextEncoder().encode(`%PDF-1.7\n1 0 obj << /Title (${salt}) >> endobj\n%%EOF\n`);

/** An ISO BMFF file whose ftyp box names `brand` as its major brand. */
export const isoBmffBytes = (brand: string, salt = 'a'): Uint8Array =>
  new Uint8Array([
    0,
    0,
    0,
    24,
    ...ascii('ftyp'),
    ...ascii(brand),
    0,
    0,
    0,
    0,
    ...ascii('mif1'),
    ...ascii('heic'),
    ...ascii(salt),
  ]);

export const heicBytes = (salt = 'a'): Uint8Array => isoBmffBytes('heic', salt);
