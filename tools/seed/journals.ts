import { addDays } from '../../common/dates';
import type { SeedApi } from './api';
import type { Members, SeedGroup } from './people';
import type { StartedTopic } from './planning';

const NOTES = [
  'Skaņu izrunas vingrinājumi ar spoguli.',
  'Krāsu un formu šķirošana ar kartītēm.',
  'Skaitīšana līdz desmit ar kociņiem.',
  'Stāsta veidošana pēc attēliem.',
  'Sīkās motorikas vingrinājumi ar plastilīnu.',
];
const KINDS = ['play', 'individualWork', 'individualLesson'] as const;
const DIARY_KINDS = ['meeting', 'activity', 'consultation', 'observation', 'other'] as const;
const TALKS = [
  { subject: 'results', content: 'Pārrunāti bērna sasniegumi šajā mēnesī.', agreed: '' },
  {
    subject: 'behaviour',
    content: 'Runājām par uzvedību rotaļās ar citiem bērniem.',
    agreed: 'Sekot mājās.',
  },
  { subject: 'rules', content: 'Atgādināti iestādes iekšējās kārtības noteikumi.', agreed: '' },
  { subject: 'other', content: 'Vecāki jautāja par vasaras grupām.', agreed: 'Informēt augustā.' },
] as const;

/**
 * Each month: a few individual work entries per group by its teacher (now and then one sent
 * to the parents, now and then written a day late), the speech therapist's sessions, talks with
 * parents, and the deputy's diary.
 */
export async function seedJournals(
  api: SeedApi,
  groups: SeedGroup[],
  members: Members,
  first: string,
  last: string,
): Promise<void> {
  const random = api.random;
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (api.calendar.isWorkingDay(d)) days.push(d);
  }
  const byMonth = new Map<string, string[]>();
  for (const d of days) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
  for (const monthDays of byMonth.values()) {
    const write = async (author: string, groupId: number, day: string, send: boolean) => {
      // No seeded parent has an e-mail address and a note to nobody is refused (mail, issue 13):
      // the draw stays so the rest of the seed is unchanged, the mark does not.
      void send;
      const late = random.chance(0.05);
      api.at(late ? addDays(day, 1) : day, '13:30');
      const children = members.get(groupId)!;
      const picked = [...new Set([random.pick(children), random.pick(children)])];
      await api.as(author, 'journals.saveEntry', {
        date: day,
        childIds: picked.slice(0, random.int(1, 2)).map((c) => c.id),
        kind: random.pick(KINDS),
        content: random.pick(NOTES),
        durationMinutes: random.pick([15, 20, 30, null]),
        sendToParents: false,
      });
    };
    for (const group of groups) {
      for (let i = 0; i < 2; i++) {
        await write(group.teachers[0], group.id, random.pick(monthDays), random.chance(0.1));
      }
    }
    for (let i = 0; i < 6; i++) {
      await write('logopede', random.pick(groups).id, random.pick(monthDays), false);
    }
    // Talks with parents (3.10): one or two a month in each group, by its teacher.
    for (const group of groups) {
      for (let i = random.int(1, 2); i > 0; i--) {
        const child = random.pick(members.get(group.id)!);
        if (!child.guardianIds?.length) continue;
        const day = random.pick(monthDays);
        api.at(day, '17:10');
        const talk = random.pick(TALKS);
        await api.as(group.teachers[0], 'journals.saveTalk', {
          date: day,
          childId: child.id,
          guardianIds: [random.pick(child.guardianIds)],
          ...talk,
        });
      }
    }
    for (let i = 0; i < 3; i++) {
      const day = random.pick(monthDays);
      api.at(day, '16:00');
      await api.as('vietniece', 'supervision.diarySave', {
        date: day,
        kind: random.pick(DIARY_KINDS),
        participants: 'Grupu skolotājas',
        content: random.pick([
          'Informācija par mēneša pasākumiem.',
          'Konsultācija par individuālo darbu ar bērniem.',
          'Rotaļnodarbības vērojums un pārrunas ar skolotāju.',
        ]),
      });
    }
  }
}

/**
 * The deputy checks each group's journal when a topic starts (the rules' 3.9); the head
 * checks twice a school year, in October and in February (3.12).
 */
export async function seedJournalChecks(
  api: SeedApi,
  topics: StartedTopic[],
  yearStart: string,
  today: string,
): Promise<void> {
  const year = Number(yearStart.slice(0, 4));
  const headMonths = new Set([`${year}-10`, `${year + 1}-02`]);
  for (const topic of topics) {
    const day = addDays(topic.startDate, api.random.int(0, 2));
    if (day > today) continue;
    api.at(day, '15:00');
    // The head takes the first topic she meets in each of her two months.
    const head = headMonths.delete(topic.startDate.slice(0, 7));
    await api.as(head ? 'vaditaja' : 'vietniece', 'supervision.checkSave', {
      date: day,
      groupId: topic.groupId,
      topicId: topic.id,
      findings: api.random.pick([
        'Plāns iesniegts laikus, temats aprakstīts pilnībā.',
        'Sasniedzamie rezultāti formulēti vispārīgi.',
      ]),
      recommendations: api.random.chance(0.3) ? 'Precizēt sasniedzamos rezultātus.' : '',
      correctionDate: null,
    });
  }
}
