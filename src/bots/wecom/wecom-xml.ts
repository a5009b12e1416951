// Reading the fixed-shape XML WeCom posts (`<xml><ToUserName><![CDATA[…]]></ToUserName>…</xml>`) with
// fast-xml-parser, a maintained parser, configured so nothing is guessed:
// - every value stays text (`parseTagValue: false`): MsgId is a 64-bit integer that a JS number would round, and
//   CreateTime/AgentID are compared and stored as the digits WeCom sent, never re-formatted;
// - no entity processing in the parser (`processEntities: false`) and no DOCTYPE at all, so an entity can never
//   expand; the five predefined entities and character references are decoded here, outside CDATA only;
// - the document is validated first (mismatched or unclosed tags, a bare `&`, trailing text are refused), then it
//   must be one `<xml>` root whose children appear once each and carry no attributes.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The text of each direct child of `<xml>` that holds only text (CDATA or plain). */
export type WecomXmlFields = ReadonlyMap<string, string>;

export type WecomXmlDocument = {
  readonly fields: WecomXmlFields;
  /**
   * What a template-card click submitted with it (doc 90240 `SelectedItems`): question key → chosen option ids,
   * e.g. the reason picked in a card's drop-down before pressing Reject.
   */
  readonly selections: ReadonlyMap<string, readonly string[]>;
};

const MAX_XML_LENGTH = 256 * 1024;
const MAX_DEPTH = 8;
const CDATA = '#cdata';
const TEXT = '#text';
const ATTRIBUTE = '@_';
/** An optional declaration, then the `<xml>` root: no DOCTYPE, comment or processing instruction before it. */
const PROLOG = /^\s*(?:<\?xml\s[^<>]*\?>)?\s*<xml[\s/>]/;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlRefusal extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Arrays everywhere, so a duplicated field is seen rather than silently merged or overwritten.
  isArray: () => true,
  maxNestedTags: MAX_DEPTH,
});

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

type Parsed = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Parsed =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (values: unknown): string => {
  if (values === undefined) return '';
  // Text beside elements comes as one string, a leaf's text and CDATA sections as arrays (isArray).
  if (typeof values === 'string') return values;
  if (!Array.isArray(values)) throw new XmlRefusal('unexpected shape');
  return values
    .map((value) => {
      if (typeof value !== 'string') throw new XmlRefusal('unexpected shape');
      return value;
    })
    .join('');
};

/** The single element of a field, refusing a field that appears twice. */
const onlyOne = (name: string, values: unknown): unknown => {
  if (!Array.isArray(values) || values.length !== 1) throw new XmlRefusal(`<${name}> appears more than once`);
  return values[0];
};

type Element = { readonly text: string; readonly children: Parsed | undefined };

/** A parsed element: its text (CDATA as written, plain text decoded) and its child elements, if any. */
const elementOf = (name: string, value: unknown): Element => {
  if (typeof value === 'string') return { text: decodeEntities(value), children: undefined };
  if (!isRecord(value)) throw new XmlRefusal(`<${name}> has an unexpected shape`);
  const keys = Object.keys(value);
  if (keys.some((key) => key.startsWith(ATTRIBUTE))) throw new XmlRefusal(`<${name}> has attributes`);
  const plain = decodeEntities(textOf(value[TEXT]));
  const cdata = textOf(value[CDATA]);
  const childNames = keys.filter((key) => key !== TEXT && key !== CDATA);
  if (cdata !== '' && plain.trim() !== '') throw new XmlRefusal(`<${name}> mixes CDATA and text`);
  if (childNames.length > 0) {
    if (cdata !== '' || plain.trim() !== '') throw new XmlRefusal(`<${name}> mixes text and elements`);
    const children: Record<string, unknown> = {};
    for (const child of childNames) children[child] = value[child];
    return { text: '', children };
  }
  // Whitespace around a CDATA section is layout; inside it, every character is the sender's.
  return { text: value[CDATA] === undefined ? plain : cdata, children: undefined };
};

const listOf = (children: Parsed | undefined, name: string): readonly unknown[] => {
  const values = children?.[name];
  return Array.isArray(values) ? values : [];
};

/** `<SelectedItems><SelectedItem><QuestionKey/><OptionIds><OptionId/>…</OptionIds></SelectedItem>…` */
const selectionsOf = (selectedItems: Element | undefined): Map<string, readonly string[]> => {
  const selections = new Map<string, readonly string[]>();
  for (const item of listOf(selectedItems?.children, 'SelectedItem')) {
    const selected = elementOf('SelectedItem', item);
    const keys = listOf(selected.children, 'QuestionKey');
    const key = keys.length === 1 ? elementOf('QuestionKey', keys[0]).text : '';
    if (key === '' || selections.has(key)) continue;
    const optionIds = listOf(selected.children, 'OptionIds').flatMap((ids) =>
      listOf(elementOf('OptionIds', ids).children, 'OptionId').map((id) => elementOf('OptionId', id).text),
    );
    selections.set(
      key,
      optionIds.filter((id) => id !== ''),
    );
  }
  return selections;
};

const parseDocument = (source: string): WecomXmlDocument => {
  if (!PROLOG.test(source)) throw new XmlRefusal('not a WeCom <xml> document');
  if (XMLValidator.validate(source) !== true) throw new XmlRefusal('not well-formed');
  const parsed: unknown = parser.parse(source);
  if (!isRecord(parsed)) throw new XmlRefusal('unexpected shape');
  for (const key of Object.keys(parsed)) {
    if (key !== 'xml' && !(key === TEXT && textOf(parsed[TEXT]).trim() === ''))
      throw new XmlRefusal(`a second root <${key}>`);
  }
  const root = elementOf('xml', onlyOne('xml', parsed.xml));
  const fields = new Map<string, string>();
  let selectedItems: Element | undefined;
  for (const [name, values] of Object.entries(root.children ?? {})) {
    const element = elementOf(name, onlyOne(name, values));
    if (element.children === undefined) fields.set(name, element.text);
    else if (name === 'SelectedItems') selectedItems = element;
  }
  return { fields, selections: selectionsOf(selectedItems) };
};

/**
 * The fields of a WeCom `<xml>` document, or undefined for anything that is not one: another root, a malformed or
 * oversized document, a DOCTYPE, a duplicated field, an attribute, a child with both text and elements.
 * Never throws.
 */
export const readWecomXml = (source: string): WecomXmlDocument | undefined => {
  if (source.length > MAX_XML_LENGTH) return undefined;
  try {
    return parseDocument(source.replace(/^\uFEFF/, ''));
  } catch {
    // fast-xml-parser throws plain Errors for what its validator let through (nesting too deep, …): a refusal too.
    return undefined;
  }
};
