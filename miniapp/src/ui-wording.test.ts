import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GLOSSARY, JARGON } from './constants/glossary';

/**
 * Every Chinese string people read — the mini-program's own text, the shared labels and the server's messages — in
 * one plain voice: addressed as 您 (never 你), and without stutters such as "服务服务" or "向向阳社区" that creep in when
 * a label is pasted next to a word that already says it.
 */
const REPO = join(__dirname, '../..');
const ROOTS = ['miniapp/src', 'shared-types/src', 'backend/src'];
const GLOSSARY_FILE = join(__dirname, 'constants/glossary.ts');
const CJK = /[\u4e00-\u9fff][\u4e00-\u9fff，、：；（）·\s]*[\u4e00-\u9fff]|[\u4e00-\u9fff]/g;
/** Single characters that are never doubled in good Chinese (unlike 看看, 谢谢, 常常). */
const NEVER_DOUBLED = '的了在向和与或及对把被从给为是已未请您将';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    // The glossary lists the words to avoid: it is the one file allowed to spell them.
    if (path === GLOSSARY_FILE) return [];
    return /\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Chinese text inside string literals and JSX text (comments are stripped first: they are English anyway). */
function uiStrings(): Array<{ where: string; text: string }> {
  const found: Array<{ where: string; text: string }> = [];
  for (const root of ROOTS) {
    for (const file of sources(join(REPO, root))) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const match of code.matchAll(CJK)) found.push({ where: relative(REPO, file), text: match[0] });
    }
  }
  return found;
}

describe('UI wording', () => {
  const strings = uiStrings();

  it('finds the text it checks', () => {
    expect(strings.length).toBeGreaterThan(500);
  });

  it('addresses people as 您', () => {
    expect(strings.filter((s) => s.text.includes('你')).map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });

  it('says 党员本人 or just 党员, never "党员·本人"', () => {
    // A middle dot joins a role to a place ("社区工作者 · 幸福里社区"); before 本人 it reads as a slip.
    expect(strings.filter((s) => /·\s*本人/.test(s.text)).map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });

  it('has no doubled words', () => {
    // Within a phrase: "签退，签退后才能审核" repeats on purpose across the comma.
    const stutters = (phrase: string): boolean => {
      const chars = [...phrase.replace(/\s/g, '')];
      for (let n = 2; n <= 4; n++) {
        for (let i = 0; i + 2 * n <= chars.length; i++) {
          if (chars.slice(i, i + n).join('') === chars.slice(i + n, i + 2 * n).join('')) return true;
        }
      }
      return chars.some((c, i) => c === chars[i + 1] && NEVER_DOUBLED.includes(c));
    };
    const doubled = strings.filter(({ text }) => text.split(/[，、：；（）·]/).some(stutters));
    expect(doubled.map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });

  it('uses plain words instead of office language', () => {
    const found = strings.flatMap(({ where, text }) =>
      Object.entries(JARGON)
        .filter(([jargon]) => text.includes(jargon))
        .map(([jargon, plain]) => `${where}: ${text} (${jargon} → ${plain})`),
    );
    expect(found).toEqual([]);
  });

  it('calls each thing by its one glossary name', () => {
    const found = strings.flatMap(({ where, text }) =>
      Object.values(GLOSSARY).flatMap(({ term, variants }) =>
        variants.filter((variant) => text.includes(variant)).map((variant) => `${where}: ${text} (${variant} → ${term})`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('keeps the glossary consistent with itself', () => {
    const terms: string[] = Object.values(GLOSSARY).map((t) => t.term);
    expect(new Set(terms).size).toBe(terms.length);
    const variants = Object.values(GLOSSARY).flatMap((t) => [...t.variants]);
    expect(variants.filter((v) => terms.includes(v))).toEqual([]);
    expect(Object.values(JARGON).filter((plain) => Object.keys(JARGON).includes(plain))).toEqual([]);
  });
});
