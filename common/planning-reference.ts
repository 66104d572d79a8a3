/**
 * The planning domain's reference lists (resources/reference-lv.json, with their sources): the
 * seven learning areas of Regulation 716, the six transversal skills, the values and virtues of
 * Regulation 480 and the marks S/T/A/P. Pure data, shared by the backend and the renderer.
 */
import data from '../resources/reference-lv.json';
import type { Locale } from './locale';

export type Named = Record<Locale, string>;

export const AREA_CODES = ['VAL', 'SOC', 'KUL', 'DAB', 'MAT', 'TEH', 'VES'] as const;
export type AreaCode = (typeof AREA_CODES)[number];

export const SKILL_CODES = ['KDP', 'JUS', 'PVM', 'SAD', 'PIL', 'DIG'] as const;
export type SkillCode = (typeof SKILL_CODES)[number];

export const MARKS = ['S', 'T', 'A', 'P'] as const;
export type Mark = (typeof MARKS)[number];

/** The only reason an empty cell may carry (the rules' 3.5). */
export const ABSENCE_REASON = 'excused' as const;

function byCode<C extends string>(
  codes: readonly C[],
  items: { code: string; lv: string; en: string; ru: string }[],
) {
  const out = {} as Record<C, Named>;
  for (const code of codes) {
    const item = items.find((i) => i.code === code);
    if (!item) throw new Error(`reference-lv.json lacks ${code}`);
    out[code] = { lv: item.lv, en: item.en, ru: item.ru };
  }
  return out;
}

/** "Valodu mācību joma" … in the order of Regulation 716, para 3.4. */
export const AREAS: Record<AreaCode, Named> = byCode(AREA_CODES, data.learningAreas.items);
export const SKILLS: Record<SkillCode, Named> = byCode(SKILL_CODES, data.transversalSkills.items);
export const MARK_NAMES: Record<Mark, Named> = byCode(MARKS, data.marks.items);

/** Values then virtues of Regulation 480; the Latvian word is the stored value. */
export const VALUES: readonly Named[] = data.valuesAndVirtues.values;
export const VIRTUES: readonly Named[] = data.valuesAndVirtues.virtues;
export const VALUE_WORDS: readonly string[] = [...VALUES, ...VIRTUES].map((v) => v.lv);
