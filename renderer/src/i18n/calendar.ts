/** UI text of the working-day calendar (under the 'calendar.' prefix), Latvian and English with the same keys. */
export const lv = {
  nav: 'Darbdienu kalendārs',
  title: 'Darbdienu kalendārs',
  hint: 'Svētku dienas un valdības pārceltās darbdienas programma zina pati. Šeit pievieno iestādes slēgšanas dienas un papildu pārceltās darbdienas.',
  date: 'Datums',
  year: 'Gads',
  kind: 'Veids',
  kinds: { closure: 'Iestāde slēgta', moved: 'Pārceltā darbdiena' },
  workSaturday: 'Strādājamā sestdiena',
  reason: 'Pamatojums',
  add: 'Pievienot',
  remove: 'Dzēst',
  empty: 'Šim gadam ierakstu nav.',
};
export const en: typeof lv = {
  nav: 'Working-day calendar',
  title: 'Working-day calendar',
  hint: 'Public holidays and the government’s moved working days are built in. Add the kindergarten’s closures and extra moved working days here.',
  date: 'Date',
  year: 'Year',
  kind: 'Kind',
  kinds: { closure: 'Kindergarten closed', moved: 'Moved working day' },
  workSaturday: 'Saturday worked instead',
  reason: 'Reason',
  add: 'Add',
  remove: 'Delete',
  empty: 'No entries for this year.',
};
