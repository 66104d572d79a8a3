import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';

/** Who made an entry, as every history shows it: "X" or, for a substitute, "X (aizvieto Y)". */
export function byline(
  locale: Locale,
  names: Map<number, string>,
  actorId: number,
  onBehalfOf: number | null,
): string {
  const name = names.get(actorId) ?? '';
  if (onBehalfOf === null) return name;
  return message(locale, 'substitution.onBehalf', { name, absent: names.get(onBehalfOf) ?? '' });
}
