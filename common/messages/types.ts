/** A domain's messages: the same keys in both languages. */
export interface DomainMessages {
  lv: Record<string, string>;
  en: Record<string, string>;
}
