// The evidence pack laid out: a summary page of the five controls, then one page per control.
import { percent, type Block, type ReportDocument } from './document.ts';
import type { ControlFigures, ControlPage, EvidencePack } from './evidence-pack.ts';
import { assumedWarning, calendarNote, generatedInWords, NO_PREVIOUS, subtitleOf, termInWords } from './term-words.ts';

const STATUS_WORDS: Record<ControlPage['status'], string> = {
  met: 'Met', attention: 'Needs attention', 'no data': 'No data', 'not required': 'Not required by policy',
};

const headlineOf = (page: ControlPage, figures: ControlFigures | null): string => {
  if (!figures) return NO_PREVIOUS;
  if (page.info.check === 'removable-media') {
    if (figures.headline === null) return 'no data';
    const [times, devices] = [figures.headline, figures.devicesFallingShort];
    return `${times} ${times === 1 ? 'time' : 'times'}, ${devices} ${devices === 1 ? 'device' : 'devices'}`;
  }
  return percent(figures.headline);
};

const summaryTable = (pack: EvidencePack): Block => ({
  kind: 'table', csvName: 'summary', empty: '',
  columns: [{ title: 'Control', width: 3 }, { title: 'School policy', width: 6 }, { title: 'Measure', width: 5 },
    { title: pack.context.current.term.name, width: 2, align: 'right' }, { title: pack.context.previous?.term.name ?? 'Previous term', width: 2, align: 'right' },
    { title: 'Status', width: 2 }],
  rows: pack.controls.map((page) => [page.info.title, page.clause.text, page.info.measure, headlineOf(page, page.current),
    headlineOf(page, page.previous), STATUS_WORDS[page.status]]),
});

const controlPage = (pack: EvidencePack, page: ControlPage): { title: string; blocks: Block[] } => {
  const { current, previous } = page;
  const previousName = pack.context.previous?.term.name ?? 'Previous term';
  const before = (pick: (f: ControlFigures) => string): string => (previous ? pick(previous) : NO_PREVIOUS);
  const isMedia = page.info.check === 'removable-media';
  const blocks: Block[] = [
    { kind: 'paragraph', text: `School policy (${page.clause.id}): "${page.clause.text}"` },
    { kind: 'paragraph', tone: 'note', text: `DfE cyber security standard: ${page.info.dfeStandard}` },
    { kind: 'paragraph', tone: 'note', text: `Cyber Essentials: ${page.info.cyberEssentials}` },
    { kind: 'paragraph', text: `Status this term: ${STATUS_WORDS[page.status]}.` },
    { kind: 'table', empty: '',
      columns: [{ title: 'Measure', width: 6 }, { title: pack.context.current.term.name, width: 2, align: 'right' }, { title: previousName, width: 2, align: 'right' }],
      rows: [
        [page.info.measure, headlineOf(page, current), before((f) => headlineOf(page, f))],
        ['Devices covered', String(current.devicesCovered), before((f) => String(f.devicesCovered))],
        ...(isMedia ? [] : [['Devices that reported during the term', String(current.devicesReporting), before((f) => String(f.devicesReporting))]]),
        [isMedia ? 'Devices involved' : 'Devices that fell short at some time in school time', String(current.devicesFallingShort), before((f) => String(f.devicesFallingShort))],
        ...current.extra.map((row) => [row.label, row.value, before((f) => f.extra.find((e) => e.label === row.label)?.value ?? '—')]),
      ] },
  ];
  if (isMedia) {
    blocks.push({ kind: 'paragraph', tone: 'note', text: 'Counts only. Which pupil or member of staff was involved is safeguarding detail for the designated safeguarding lead, and is not in this pack.' });
  } else if (page.info.check !== 'firewall') {
    blocks.push({ kind: 'heading', text: 'Devices falling short at their last report' },
      { kind: 'table', empty: 'Every device that reported met the policy at its last report.',
        columns: [{ title: 'Device', width: 3 }, { title: 'Why', width: 9 }],
        rows: current.shortAtEnd.map((d) => [d.hostname, d.reason]) });
  } else {
    blocks.push({ kind: 'paragraph', text: 'The termly firewall review, filed with this pack, has each device, each off period and every inbound exception with its reason.' });
  }
  return { title: page.info.title, blocks };
};

export const evidencePackDocument = (pack: EvidencePack): ReportDocument => {
  const { context } = pack;
  const anyData = pack.controls.some((page) => page.status !== 'no data' && page.current.devicesReporting > 0);
  const intro: Block[] = [
    { kind: 'paragraph', text: `What the school's devices showed during ${termInWords(context.current)} for the five device controls of the school's e-safety policy, `
      + 'each set beside the school\'s own policy clause and the DfE cyber security standard and Cyber Essentials requirement it is evidence for. '
      + 'Every figure comes from what each device\'s monitoring agent reported, judged against the school\'s current policy.' },
  ];
  if (!anyData) intro.push({ kind: 'paragraph', tone: 'warning', text: `No device of this school reported during ${context.current.term.name}: there is no evidence for this term.` });
  return {
    title: 'Device security evidence pack',
    subtitle: subtitleOf(context),
    generated: generatedInWords(context),
    pages: [
      { title: 'Summary', blocks: [...assumedWarning(context), ...intro, summaryTable(pack), calendarNote(context)] },
      ...pack.controls.map((page) => controlPage(pack, page)),
    ],
  };
};
