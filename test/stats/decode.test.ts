// Bytes in, text out: encodings (BOM, strict UTF-8, windows-1252, UTF-16), binary files, HTML/JSON served as CSV,
// empty files, and the errors a webmaster sees for each. The same expectations run in Node and in Chromium, so a
// decoding difference between the two (Node 20's windows-1252 regression) fails here.
import {decodeBytes, decodeWindows1252, EpnDataError, parseCsv} from '@epn/stats';
import {cp1252, describe, expect, it, thrown, utf16, utf8} from '../harness.js';

const BOM8 = [0xef, 0xbb, 0xbf];
const concat = (...parts: Array<Uint8Array | number[]>): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return Uint8Array.from(out);
};
/** UTF-16 bytes without a byte-order mark. */
const utf16NoBom = (s: string, littleEndian = true) => utf16(s, littleEndian).subarray(2);

describe('decodeWindows1252(bytes)', () => {
  // The 32 slots 0x80–0x9F, from the WHATWG index; undefined slots keep their Latin-1 code point.
  const EXPECTED = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f' + '\u0090‘’“”•–—˜™š›œ\u009džŸ';

  it('decodeWindows1252(bytes) maps 0x80–0x9F as the WHATWG index does, in Node and browsers alike', () => {
    const bytes = Uint8Array.from({length: 32}, (_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).to.equal(EXPECTED);
  });

  it('decodeWindows1252(bytes) reads é, € (0x80), ’ (0x92) and œ (0x9c)', () => {
    expect(decodeWindows1252(Uint8Array.from([0xe9, 0x80, 0x92, 0x9c]))).to.equal('é€’œ');
  });

  it('decodeWindows1252(bytes) reads 0xA0–0xFF as Latin-1', () => {
    const bytes = Uint8Array.from({length: 96}, (_, i) => 0xa0 + i);
    expect(decodeWindows1252(bytes)).to.equal(String.fromCharCode(...bytes));
  });

  it('decodeWindows1252(bytes) decodes long inputs (over its 8 K chunk) without losing a character', () => {
    const text = 'Évreux;12,5 €;l’œuvre\n'.repeat(2000);
    expect(decodeWindows1252(cp1252(text))).to.equal(text);
  });
});

describe('decodeBytes(bytes, "macintosh")', () => {
  // 0x80–0xFF of WHATWG's `macintosh` index (Mac OS Roman, 0xDB '€', 0xF0 the Apple logo U+F8FF).
  const MAC_ROMAN_HIGH =
    'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
    '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

  it('maps every byte as the WHATWG index does, in Node and browsers alike (the platform decodes it)', () => {
    const ascii = Uint8Array.from({length: 128}, (_, i) => i).filter((b) => b === 9 || b === 10 || b === 13 || b >= 32);
    const high = Uint8Array.from({length: 128}, (_, i) => 0x80 + i);
    const decoded = decodeBytes(concat(ascii, high), 'macintosh');
    expect(decoded.encoding).to.equal('macintosh');
    expect(decoded.text).to.equal(String.fromCharCode(...ascii) + MAC_ROMAN_HIGH);
  });
});

describe('decodeBytes(bytes, encoding?)', () => {
  const cases: Array<{
    name: string;
    bytes: Uint8Array;
    encoding?: string;
    text: string;
    detected: string;
    bom: boolean;
  }> = [
    {
      name: 'reads UTF-8 without a BOM',
      bytes: utf8('nom;âge\nÉlise;12'),
      text: 'nom;âge\nÉlise;12',
      detected: 'utf-8',
      bom: false,
    },
    {
      name: 'reads UTF-8 with a BOM and removes it',
      bytes: concat(BOM8, utf8('nom;âge')),
      text: 'nom;âge',
      detected: 'utf-8',
      bom: true,
    },
    {
      name: 'falls back to windows-1252 when the bytes are not valid UTF-8',
      bytes: cp1252('café;12 €;l’œuf'),
      text: 'café;12 €;l’œuf',
      detected: 'windows-1252',
      bom: false,
    },
    {
      name: 'reads UTF-16LE with a BOM (Excel "Texte Unicode")',
      bytes: utf16('nom\tâge\nÉlise\t12'),
      text: 'nom\tâge\nÉlise\t12',
      detected: 'utf-16le',
      bom: true,
    },
    {
      name: 'reads UTF-16BE with a BOM',
      bytes: utf16('nom;âge\nœ;1', false),
      text: 'nom;âge\nœ;1',
      detected: 'utf-16be',
      bom: true,
    },
    {
      name: 'recognises UTF-16LE without a BOM by its NUL bytes',
      bytes: utf16NoBom('nom;âge\nÉlise;12'),
      text: 'nom;âge\nÉlise;12',
      detected: 'utf-16le',
      bom: false,
    },
    {
      name: 'recognises UTF-16BE without a BOM by its NUL bytes',
      bytes: utf16NoBom('nom;âge\nÉlise;12', false),
      text: 'nom;âge\nÉlise;12',
      detected: 'utf-16be',
      bom: false,
    },
    {name: 'reads pure ASCII as UTF-8', bytes: utf8('a;b\n1;2'), text: 'a;b\n1;2', detected: 'utf-8', bom: false},
    {
      name: 'with encoding "windows-1252" forced reads UTF-8 bytes as windows-1252 (the caller asked)',
      bytes: utf8('é'),
      encoding: 'windows-1252',
      text: 'Ã©',
      detected: 'windows-1252',
      bom: false,
    },
    {
      name: 'with encoding "latin1" forced reads windows-1252 (what latin1 means on the web)',
      bytes: Uint8Array.from([0x80, 0xe9]),
      encoding: 'latin1',
      text: '€é',
      detected: 'windows-1252',
      bom: false,
    },
    {
      name: 'with encoding "ISO-8859-1" forced (any case) reads windows-1252',
      bytes: Uint8Array.from([0x92]),
      encoding: 'ISO-8859-1',
      text: '’',
      detected: 'windows-1252',
      bom: false,
    },
    {
      name: 'with encoding "utf-8" forced replaces invalid bytes with U+FFFD rather than guessing',
      bytes: cp1252('café'),
      encoding: 'utf-8',
      text: 'caf\ufffd',
      detected: 'utf-8',
      bom: false,
    },
    {
      name: 'with encoding "utf-16le" forced reads UTF-16LE without a BOM',
      bytes: utf16NoBom('a;b'),
      encoding: 'utf-16le',
      text: 'a;b',
      detected: 'utf-16le',
      bom: false,
    },
    {
      name: 'lets a UTF-8 BOM win over a forced windows-1252 (no "ï»¿" glued to the first header)',
      bytes: concat(BOM8, utf8('nom;é')),
      encoding: 'windows-1252',
      text: 'nom;é',
      detected: 'utf-8',
      bom: true,
    },
    {
      name: 'lets a UTF-16LE BOM win over a forced utf-8',
      bytes: utf16('nom;é'),
      encoding: 'utf-8',
      text: 'nom;é',
      detected: 'utf-16le',
      bom: true,
    },
  ];
  for (const c of cases) {
    it(`decodeBytes(bytes${c.encoding ? `, '${c.encoding}'` : ''}) ${c.name}`, () => {
      const d = decodeBytes(c.bytes, c.encoding);
      expect(d.text).to.equal(c.text);
      expect(d.encoding).to.equal(c.detected);
      expect(d.bom).to.equal(c.bom);
    });
  }

  it('decodeBytes(arrayBuffer) reads an ArrayBuffer like its bytes', () => {
    const bytes = cp1252('Orne;1 234 €');
    const copy = bytes.slice().buffer;
    expect(decodeBytes(copy).text).to.equal('Orne;1 234 €');
  });

  it('decodeBytes(view) reads any ArrayBuffer view (DataView, offset Uint8Array) by its own bytes only', () => {
    const whole = utf8('XXnom;n\nx;1YY');
    const view = new DataView(whole.buffer, 2, whole.length - 4);
    expect(decodeBytes(view).text).to.equal('nom;n\nx;1');
    expect(decodeBytes(whole.subarray(2, whole.length - 2)).text).to.equal('nom;n\nx;1');
  });

  it('decodeBytes(bytes, encoding) throws BAD_OPTION for an unknown encoding, in French and English', () => {
    const e = thrown(() => decodeBytes(utf8('a;b'), 'klingon'));
    expect(e).to.be.instanceOf(EpnDataError);
    expect(e.code).to.equal('BAD_OPTION');
    expect(e.message).to.match(/encodage « klingon » inconnu/);
    expect(e.localizedMessage('en')).to.match(/^Setting not understood: unknown encoding "klingon"/);
  });
});

describe('parseCsv(bytes): the same figures whatever the encoding', () => {
  const TEXT = 'Commune;Équipement;Coût\nÉvreux;Médiathèque;1 234,5 €\nL’Aigle;Œuvre d’art;12 €\n';
  const expectTable = (bytes: Uint8Array, encoding: string, bom: boolean, delimiter = ';') => {
    const t = parseCsv(bytes);
    expect(t.meta.encoding).to.equal(encoding);
    expect(t.meta.bom).to.equal(bom);
    expect(t.meta.delimiter).to.equal(delimiter);
    expect(t.columns).to.deep.equal(['Commune', 'Équipement', 'Coût']);
    expect(t.rows).to.deep.equal([
      ['Évreux', 'Médiathèque', 1234.5],
      ['L’Aigle', 'Œuvre d’art', 12],
    ]);
  };

  it('parseCsv(bytes) reads UTF-8 without a BOM', () => expectTable(utf8(TEXT), 'utf-8', false));
  it('parseCsv(bytes) reads UTF-8 with a BOM, the BOM kept out of the first column name', () =>
    expectTable(concat(BOM8, utf8(TEXT)), 'utf-8', true));
  it('parseCsv(bytes) reads windows-1252 with é, € (0x80), ’ (0x92) and Œ', () =>
    expectTable(cp1252(TEXT), 'windows-1252', false));
  it('parseCsv(bytes) reads UTF-16LE with a BOM and tabs (Excel "Texte Unicode")', () =>
    expectTable(utf16(TEXT.replace(/;/g, '\t')), 'utf-16le', true, '\t'));
  it('parseCsv(bytes) reads UTF-16BE with a BOM', () => expectTable(utf16(TEXT, false), 'utf-16be', true));

  it('parseCsv(string) takes a string as already decoded (encoding null) and drops a leading BOM', () => {
    const t = parseCsv('\ufeffnom;n\nx;1');
    expect(t.columns).to.deep.equal(['nom', 'n']);
    expect(t.meta.encoding).to.equal(null);
    expect(t.meta.bom).to.equal(true);
  });

  it('parseCsv(bytes, {encoding}) forces the encoding of bytes without a BOM', () => {
    const t = parseCsv(utf8('nom;n\ncafé;1'), {encoding: 'windows-1252'});
    expect(t.meta.encoding).to.equal('windows-1252');
    expect(t.rows[0]![0]).to.equal('cafÃ©');
  });

  it('parseCsv(ArrayBuffer) reads an ArrayBuffer', () => {
    const t = parseCsv(cp1252('nom;n\nœil;1').slice().buffer);
    expect(t.rows).to.deep.equal([['œil', 1]]);
  });
});

describe('parseCsv(input): files that are not CSV text', () => {
  const fatal: Array<{name: string; input: string | Uint8Array; code: string; fr: RegExp; en: RegExp}> = [
    {
      name: 'a ZIP/XLSX workbook is NOT_TEXT',
      input: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]),
      code: 'NOT_TEXT',
      fr: /classeur Excel \.xlsx.*Enregistrez le tableau au format « CSV/,
      en: /^This file is not a CSV text file.*Save the table as "CSV"/,
    },
    {
      name: 'an old Excel .xls workbook is NOT_TEXT',
      input: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      code: 'NOT_TEXT',
      fr: /classeur Excel \.xls/,
      en: /not a CSV text file/,
    },
    {
      name: 'a PDF is NOT_TEXT',
      input: utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      code: 'NOT_TEXT',
      fr: /document PDF/,
      en: /not a CSV text file/,
    },
    {
      name: 'gzip bytes served without decompression are NOT_TEXT',
      input: Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]),
      code: 'NOT_TEXT',
      fr: /gzip/,
      en: /not a CSV text file/,
    },
    {
      name: 'a PNG image is NOT_TEXT',
      input: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      code: 'NOT_TEXT',
      fr: /image PNG/,
      en: /not a CSV text file/,
    },
    {
      name: 'other binary bytes (NUL-filled) are NOT_TEXT',
      input: Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0xfe, 0x10, 0x3b, 0x00, 0x7f]),
      code: 'NOT_TEXT',
      fr: /fichier binaire/,
      en: /not a CSV text file/,
    },
    {
      name: 'a string holding binary (NUL and control characters) is NOT_TEXT',
      input: 'a;b\n\u0000\u0001\u0002;\u0003\u0004',
      code: 'NOT_TEXT',
      fr: /fichier binaire/,
      en: /not a CSV text file/,
    },
    {
      name: 'an HTML page is NOT_CSV',
      input: '<!DOCTYPE html>\n<html lang="fr"><head><title>Erreur</title></head><body>Page introuvable</body></html>',
      code: 'NOT_CSV',
      fr: /page web \(HTML\).*Vérifiez que le lien pointe directement vers le fichier \.csv/,
      en: /^The address returns .*not a CSV file/,
    },
    {
      name: 'an HTML page after blank lines, in capitals, is NOT_CSV',
      input: '\n\n  <HTML><BODY>x</BODY></HTML>',
      code: 'NOT_CSV',
      fr: /page web/,
      en: /not a CSV file/,
    },
    {
      name: 'an HTML fragment (<table>) is NOT_CSV',
      input: '<table><tr><td>1</td></tr></table>',
      code: 'NOT_CSV',
      fr: /page web/,
      en: /not a CSV file/,
    },
    {
      name: 'an XML document is NOT_CSV',
      input: '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>',
      code: 'NOT_CSV',
      fr: /document XML/,
      en: /not a CSV file/,
    },
    {
      name: 'a JSON array is NOT_CSV',
      input: '[{"commune": "Caen", "n": 12}]',
      code: 'NOT_CSV',
      fr: /données JSON/,
      en: /not a CSV file/,
    },
    {
      name: 'a JSON object (an API error) is NOT_CSV',
      input: '{"error": "not found", "status": 404}',
      code: 'NOT_CSV',
      fr: /données JSON/,
      en: /not a CSV file/,
    },
    {
      name: 'JSON lines are NOT_CSV',
      input: '{"a": 1}\n{"a": 2}\n',
      code: 'NOT_CSV',
      fr: /données JSON/,
      en: /not a CSV file/,
    },
    {
      name: 'a truncated pretty-printed JSON is NOT_CSV',
      input: '[\n  {"a": 1},\n  {"a": 2',
      code: 'NOT_CSV',
      fr: /données JSON/,
      en: /not a CSV file/,
    },
    {
      name: 'an empty file is EMPTY',
      input: new Uint8Array(0),
      code: 'EMPTY',
      fr: /^Le fichier est vide\. Vérifiez/,
      en: /^The file is empty/,
    },
    {name: 'an empty string is EMPTY', input: '', code: 'EMPTY', fr: /^Le fichier est vide/, en: /^The file is empty/},
    {
      name: 'a file of white space and line breaks only is EMPTY',
      input: '  \r\n\t\n \n',
      code: 'EMPTY',
      fr: /^Le fichier est vide/,
      en: /^The file is empty/,
    },
    {
      name: 'a file holding only a BOM is EMPTY',
      input: Uint8Array.from(BOM8),
      code: 'EMPTY',
      fr: /^Le fichier est vide/,
      en: /^The file is empty/,
    },
    {
      name: 'a file of delimiters only (an empty sheet exported) is EMPTY',
      input: ';;;\n;;;\n',
      code: 'EMPTY',
      fr: /^Le fichier est vide/,
      en: /^The file is empty/,
    },
    {
      name: 'a header with no rows is NO_DATA',
      input: 'commune;population\n',
      code: 'NO_DATA',
      fr: /en-tête mais aucune ligne de données\. Ajoutez les données/,
      en: /header line but no data rows/,
    },
    {
      name: 'a header followed by blank lines and a source line is NO_DATA',
      input: 'commune;population\n\n;\nSource : Insee\n',
      code: 'NO_DATA',
      fr: /aucune ligne de données/,
      en: /no data rows/,
    },
  ];
  for (const c of fatal) {
    it(`parseCsv(input) throws: ${c.name}, with a French message saying what to fix and an English one`, () => {
      const e = thrown(() => parseCsv(c.input));
      expect(e).to.be.instanceOf(EpnDataError);
      expect(e).to.be.instanceOf(Error);
      expect(e.name).to.equal('EpnDataError');
      expect(e.code).to.equal(c.code);
      expect(e.message).to.match(c.fr);
      expect(e.localizedMessage()).to.equal(e.message);
      expect(e.localizedMessage('fr-FR')).to.equal(e.message);
      expect(e.localizedMessage('en')).to.match(c.en);
      expect(e.localizedMessage('en-GB')).to.equal(e.localizedMessage('en'));
    });
  }

  it('parseCsv(input) reads a header starting with "<" (an age band such as "<15 ans") as CSV, not HTML', () => {
    const t = parseCsv('<15 ans;15-64 ans;>64 ans\n12;30;8');
    expect(t.columns).to.deep.equal(['<15 ans', '15-64 ans', '>64 ans']);
    expect(t.rows).to.deep.equal([[12, 30, 8]]);
  });

  it('parseCsv(input) reads a header starting with "[" that is not JSON as CSV', () => {
    const t = parseCsv('[Sexe];[Effectif]\nHommes;12');
    expect(t.columns).to.deep.equal(['[Sexe]', '[Effectif]']);
  });

  it('parseCsv(input) keeps a single stray control character of a large file (not binary)', () => {
    const text = 'nom;n\n' + 'Caen;1\n'.repeat(50) + 'Bayeux\u001a;2\n';
    const t = parseCsv(text);
    expect(t.rows).to.have.length(51);
  });
});

describe('EpnDataError in English', () => {
  it('localizedMessage("en") of NOT_TEXT and NOT_CSV names the file kind in English', () => {
    const zip = thrown(() => parseCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(zip.code).to.equal('NOT_TEXT');
    expect(zip.localizedMessage('en')).to.match(/^This file is not a CSV text file \(it looks like a ZIP/);
    expect(zip.localizedMessage('en')).not.to.match(/classeur|une archive/);
    const page = thrown(() => parseCsv('<!doctype html><html><body>x</body></html>'));
    expect(page.code).to.equal('NOT_CSV');
    expect(page.localizedMessage('en')).to.match(/^The address returns a web page/);
  });
});
