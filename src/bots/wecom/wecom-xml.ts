// A small, strict reader for the fixed-shape XML WeCom posts (`<xml><ToUserName><![CDATA[…]]></ToUserName>…</xml>`).
// fast-xml-parser is not installed here, and a general parser is not needed: WeCom sends one `<xml>` root whose
// children are text or CDATA leaves, plus a few nested lists (SelectedItems) we never read. Anything else — a
// DOCTYPE (entity expansion), attributes, mismatched or duplicated tags, trailing text — is refused, never guessed.

/** The text of each direct child of `<xml>` that holds only text; nested children are skipped. */
export type WecomXmlFields = ReadonlyMap<string, string>;

const MAX_XML_LENGTH = 256 * 1024;
const MAX_DEPTH = 8;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

class XmlRefusal extends Error {}

type Node = { readonly name: string; readonly text: string; readonly children: readonly Node[] };

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[a-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw new XmlRefusal('a bare & in text');
    if (entity.startsWith('#')) {
      const code = entity.startsWith('#x')
        ? Number.parseInt(entity.slice(2), 16)
        : Number.parseInt(entity.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
        throw new XmlRefusal(`a bad character reference ${whole}`);
      }
      return String.fromCodePoint(code);
    }
    const named = ENTITIES[entity];
    if (named === undefined) throw new XmlRefusal(`an unknown entity ${whole}`);
    return named;
  });

class Reader {
  #pos = 0;
  constructor(private readonly source: string) {}

  get done(): boolean {
    return this.#pos >= this.source.length;
  }

  skipSpace(): void {
    while (/\s/.test(this.source.charAt(this.#pos))) this.#pos += 1;
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.#pos);
  }

  expect(text: string): void {
    if (!this.startsWith(text)) throw new XmlRefusal(`expected ${text} at ${this.#pos}`);
    this.#pos += text.length;
  }

  until(text: string): string {
    const end = this.source.indexOf(text, this.#pos);
    if (end < 0) throw new XmlRefusal(`unterminated, expected ${text}`);
    const found = this.source.slice(this.#pos, end);
    this.#pos = end + text.length;
    return found;
  }

  name(): string {
    const match = /^[^\s/>]+/.exec(this.source.slice(this.#pos, this.#pos + 200));
    const name = match?.[0];
    if (name === undefined || !NAME.test(name)) throw new XmlRefusal(`a bad tag name at ${this.#pos}`);
    this.#pos += name.length;
    return name;
  }

  element(depth: number): Node {
    if (depth > MAX_DEPTH) throw new XmlRefusal('nested too deeply');
    this.expect('<');
    const name = this.name();
    this.skipSpace();
    if (this.startsWith('/>')) {
      this.#pos += 2;
      return { name, text: '', children: [] };
    }
    // WeCom never sends attributes; refusing them keeps the reader small and its answers unambiguous.
    this.expect('>');
    let text = '';
    const children: Node[] = [];
    for (;;) {
      if (this.done) throw new XmlRefusal(`unclosed <${name}>`);
      if (this.startsWith('<![CDATA[')) {
        this.#pos += '<![CDATA['.length;
        text += this.until(']]>');
      } else if (this.startsWith('<!--')) {
        this.#pos += 4;
        this.until('-->');
      } else if (this.startsWith('</')) {
        this.#pos += 2;
        const closing = this.name();
        this.skipSpace();
        this.expect('>');
        if (closing !== name) throw new XmlRefusal(`<${name}> closed by </${closing}>`);
        return { name, text, children };
      } else if (this.startsWith('<')) {
        if (this.startsWith('<!') || this.startsWith('<?'))
          throw new XmlRefusal('a declaration inside <xml>');
        children.push(this.element(depth + 1));
      } else {
        const end = this.source.indexOf('<', this.#pos);
        const raw = this.source.slice(this.#pos, end < 0 ? this.source.length : end);
        this.#pos += raw.length;
        text += decodeEntities(raw);
      }
    }
  }
}

const parseDocument = (source: string): Node => {
  const reader = new Reader(source.replace(/^\uFEFF/, ''));
  reader.skipSpace();
  if (reader.startsWith('<?xml')) {
    reader.until('?>');
    reader.skipSpace();
  }
  const root = reader.element(0);
  reader.skipSpace();
  if (!reader.done) throw new XmlRefusal('text after the root element');
  return root;
};

/**
 * The leaf fields of a WeCom `<xml>` document, or undefined for anything that is not one: another root, a
 * malformed or oversized document, a duplicated field, a child with both text and elements. Never throws.
 */
export const readWecomXml = (source: string): WecomXmlFields | undefined => {
  if (source.length > MAX_XML_LENGTH) return undefined;
  try {
    const root = parseDocument(source);
    if (root.name !== 'xml' || root.text.trim() !== '') return undefined;
    const fields = new Map<string, string>();
    const seen = new Set<string>();
    for (const child of root.children) {
      if (seen.has(child.name)) return undefined;
      seen.add(child.name);
      if (child.children.length > 0) {
        if (child.text.trim() !== '') return undefined;
        continue;
      }
      fields.set(child.name, child.text);
    }
    return fields;
  } catch (error) {
    if (error instanceof XmlRefusal) return undefined;
    throw error;
  }
};
