import { describe, expect, it } from 'vitest';
import { readWecomXml } from '../../../src/bots/wecom/wecom-xml.js';

const fields = (xml: string) => {
  const read = readWecomXml(xml);
  return read === undefined ? undefined : Object.fromEntries(read.fields);
};

describe('readWecomXml (fast-xml-parser)', () => {
  it('reads CDATA and plain leaves of the <xml> root, keeping 64-bit ids as text', () => {
    expect(
      fields(
        '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<MsgId>4561255354251345929</MsgId>\n<Content><![CDATA[午餐 <b>&amp; 42]]></Content></xml>',
      ),
    ).toEqual({
      ToUserName: 'wx5823bf96d3bd56c7',
      MsgId: '4561255354251345929',
      Content: '午餐 <b>&amp; 42',
    });
  });

  it('decodes the five entities and character references outside CDATA', () => {
    expect(
      fields('<xml><A>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587;</A></xml>'),
    ).toEqual({
      A: 'a <b> & "c" \'d\' 中文',
    });
  });

  it('accepts a declaration, a BOM, empty and self-closing leaves, and skips nested lists', () => {
    expect(
      fields(
        '\uFEFF<?xml version="1.0"?>\n<xml><A/><B></B><SelectedItems><SelectedItem><QuestionKey/></SelectedItem></SelectedItems></xml>\n',
      ),
    ).toEqual({ A: '', B: '' });
  });

  it('keeps whitespace inside CDATA and leaves numbers as the digits sent', () => {
    expect(
      fields(
        '<xml>\n  <Content><![CDATA[  two  spaces ]]></Content>\n  <CreateTime>0001409659813</CreateTime>\n  <AgentID>1000002</AgentID>\n</xml>',
      ),
    ).toEqual({ Content: '  two  spaces ', CreateTime: '0001409659813', AgentID: '1000002' });
  });

  it('reads the options a card click submitted (SelectedItems)', () => {
    const read = readWecomXml(
      '<xml><Event><![CDATA[template_card_event]]></Event><SelectedItems><SelectedItem><QuestionKey><![CDATA[reason]]></QuestionKey><OptionIds><OptionId><![CDATA[duplicate]]></OptionId></OptionIds></SelectedItem><SelectedItem><QuestionKey><![CDATA[empty]]></QuestionKey><OptionIds><OptionId><![CDATA[]]></OptionId></OptionIds></SelectedItem></SelectedItems></xml>',
    );
    expect(read?.fields.get('Event')).toBe('template_card_event');
    expect(Object.fromEntries(read?.selections ?? [])).toEqual({ reason: ['duplicate'], empty: [] });
  });

  it.each([
    ['another root', '<root><A>1</A></root>'],
    ['a mismatched close', '<xml><A>1</B></xml>'],
    ['an unclosed root', '<xml><A>1</A>'],
    ['trailing text', '<xml><A>1</A></xml>junk'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "boom">]><xml><A>&e;</A></xml>'],
    ['an unknown entity', '<xml><A>&e;</A></xml>'],
    ['a bare ampersand', '<xml><A>a & b</A></xml>'],
    ['an attribute', '<xml><A x="1">1</A></xml>'],
    ['a duplicated field', '<xml><A>1</A><A>2</A></xml>'],
    ['text in the root', '<xml>hi<A>1</A></xml>'],
    ['an unterminated CDATA', '<xml><A><![CDATA[1</A></xml>'],
    ['nothing at all', ''],
    ['JSON', '{"Encrypt":"x"}'],
    ['a NUL reference', '<xml><A>&#0;</A></xml>'],
    ['a comment before the root', '<!-- x --><xml><A>1</A></xml>'],
    ['CDATA mixed with text', '<xml><A>x<![CDATA[y]]></A></xml>'],
    ['two roots', '<xml><A>1</A></xml><xml><A>2</A></xml>'],
  ])('refuses %s', (_name, xml) => {
    expect(readWecomXml(xml)).toBeUndefined();
  });

  it('refuses documents nested too deeply or too large instead of recursing or buffering without end', () => {
    expect(readWecomXml(`<xml>${'<a>'.repeat(50)}${'</a>'.repeat(50)}</xml>`)).toBeUndefined();
    expect(readWecomXml(`<xml>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</xml>`)).toBeUndefined();
    expect(readWecomXml(`<xml><A>${'x'.repeat(300 * 1024)}</A></xml>`)).toBeUndefined();
  });
});
