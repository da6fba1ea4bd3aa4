// The firewall review laid out: a first page a governor reads alone, then the detail a technician checks.
import { instantInWords } from '../terms/dates.ts';
import { durationInWords, percent, type Block, type ReportDocument } from './document.ts';
import type { DeviceFirewall, FirewallHeadline, FirewallReview } from './firewall-review.ts';
import { assumedWarning, calendarNote, generatedInWords, NO_PREVIOUS, subtitleOf, termInWords } from './term-words.ts';

const SIGN_OFF_ROLES = ['ICT technician', 'Network manager', 'Governor'];

const count = (headline: FirewallHeadline | null, pick: (h: FirewallHeadline) => number | null, asShare = false): string => {
  if (!headline) return NO_PREVIOUS;
  const value = pick(headline);
  return asShare ? percent(value) : String(value ?? 'no data');
};

const verdictSentence = (review: FirewallReview): string => {
  const { headline } = review;
  if (!review.hasData) {
    return `No device of this school sent a firewall report during ${review.context.current.term.name}, so nothing about the `
      + `firewalls can be said for this term. ${headline.devicesCovered === 0 ? 'No device was enrolled' : headline.devicesCovered === 1 ? '1 device was enrolled' : `${headline.devicesCovered} devices were enrolled`}.`;
  }
  const off = headline.everOff === 0
    ? 'No device had its firewall switched off during school time.'
    : `${headline.everOff} of ${headline.devicesCovered} devices had the firewall switched off at some time during school days; `
      + `${headline.everOff === 1 ? 'it is' : 'they are'} listed first on page 2.`;
  return `Across the school's devices, the firewall was on for ${percent(headline.onShare)} of the school time for which the devices reported. ${off}`;
};

const headlineTable = (review: FirewallReview): Block => {
  const { headline: now, previousHeadline: before } = review;
  const previousName = review.context.previous?.term.name ?? 'Previous term';
  return {
    kind: 'table',
    columns: [{ title: 'Measure', width: 5 }, { title: review.context.current.term.name, width: 2, align: 'right' }, { title: previousName, width: 2, align: 'right' }],
    empty: '',
    rows: [
      ['School devices covered by the review', String(now.devicesCovered), count(before, (h) => h.devicesCovered)],
      ['School time with the firewall on', percent(now.onShare), count(before, (h) => h.onShare, true)],
      ['Devices whose firewall was ever off in school time', String(now.everOff), count(before, (h) => h.everOff)],
      ['Devices that never reported during the term', String(now.neverReported), count(before, (h) => h.neverReported)],
      ['School time for which the devices reported', percent(now.knownShare), count(before, (h) => h.knownShare, true)],
    ],
  };
};

/** What the technician and network manager should settle before the governor signs, in plain words. */
const actionsOf = (review: FirewallReview): string[] => {
  const actions: string[] = [];
  for (const device of review.devices.filter((d) => d.offMs > 0)) {
    actions.push(`Find out why the firewall of ${device.hostname} was off for ${durationInWords(device.offMs)} of school time, and make sure it cannot be switched off again.`);
  }
  const noReason = review.exceptions.filter((e) => e.reason === null).length;
  if (noReason > 0) actions.push(`Record why ${noReason === 1 ? 'one inbound rule is' : `${noReason} inbound rules are`} needed, or remove ${noReason === 1 ? 'it' : 'them'} (page 3).`);
  const notReviewed = review.exceptions.filter((e) => e.reason !== null && !e.reviewedThisTerm).length;
  if (notReviewed > 0) actions.push(`Confirm ${notReviewed === 1 ? 'the reason for one inbound rule' : `the reasons for ${notReviewed} inbound rules`}: not reviewed this term (page 3).`);
  for (const device of review.unreadable) actions.push(`Make ${device.hostname}'s list of inbound rules readable to the agent: ${device.problem}.`);
  if (review.headline.neverReported > 0) {
    actions.push(`Check the ${review.headline.neverReported === 1 ? 'device' : `${review.headline.neverReported} devices`} that never reported during the term (page 2).`);
  }
  return actions;
};

/** The previous term's observations may have gone with the school's retention: say how little its column rests on. */
const previousCoverageNote = (review: FirewallReview): Block[] => {
  const before = review.previousHeadline;
  if (!before || before.knownShare === null || before.knownShare >= 0.5) return [];
  return [{ kind: 'paragraph', tone: 'note', text: `The ${review.context.previous?.term.name} column rests on ${percent(before.knownShare)} of that term's school time: `
    + `the school keeps device observations for ${review.context.pack.retention.observationDays} days, so older ones are no longer there to count.` }];
};

const exceptionsSummary = (review: FirewallReview): string => {
  const total = review.exceptions.length;
  const noReason = review.exceptions.filter((e) => e.reason === null).length;
  const notReviewed = review.exceptions.filter((e) => e.reason !== null && !e.reviewedThisTerm).length;
  const unreadable = review.unreadable.length;
  if (total === 0 && unreadable === 0) return 'No device reported a rule letting connections in.';
  return `${total} ${total === 1 ? 'rule lets' : 'different rules let'} connections in to the school's devices (page 3): `
    + `${noReason} with no reason recorded, ${notReviewed} with a reason not reviewed this term. `
    + (unreadable > 0 ? `${unreadable} ${unreadable === 1 ? 'device\'s' : 'devices\''} rule list could not be read and is not counted as "no exceptions".` : '');
};

/** A row never grows taller than a page: the longest periods are listed, the rest counted (the JSON API has all). */
const MAX_OFF_PERIODS_LISTED = 10;

const offPeriodsInWords = (periods: DeviceFirewall['offPeriods']): string => {
  if (periods.length === 0) return 'none';
  const listed = periods.length <= MAX_OFF_PERIODS_LISTED ? periods
    : [...periods].sort((a, b) => b.schoolMs - a.schoolMs || a.from - b.from).slice(0, MAX_OFF_PERIODS_LISTED).sort((a, b) => a.from - b.from);
  const lines = listed.map((p) => `${instantInWords(p.from)} to ${instantInWords(p.to)} `
    + `(${durationInWords(p.to - p.from)}${p.schoolMs === 0 ? ', outside school days' : `, ${durationInWords(p.schoolMs)} in school time`})`);
  if (periods.length > listed.length) lines.push(`and ${periods.length - listed.length} shorter periods (all in the JSON API)`);
  return lines.join('\n');
};

const deviceRows = (review: FirewallReview): string[][] => review.devices.map((d) => [
  d.hostname,
  d.reports === 0 && d.onMs + d.offMs === 0 ? 'no reports' : percent(d.onShare),
  d.profiles.length > 1 ? d.profiles.map((p) => `${p.name}: ${percent(p.onShare)}`).join('\n') : '—',
  offPeriodsInWords(d.offPeriods),
  d.lastReportAt === null ? 'not in this term' : instantInWords(d.lastReportAt),
]);

const exceptionRows = (review: FirewallReview): string[][] => review.exceptions.map((e) => {
  const flags = [e.reason === null ? 'NO REASON' : '', e.reason !== null && !e.reviewedThisTerm ? 'NOT REVIEWED this term' : ''].filter(Boolean);
  return [
    e.rule.key,
    `${e.description}${e.rule.name ? `\n"${e.rule.name}"` : ''}`,
    String(e.devices),
    `${instantInWords(e.firstSeen)}\n${instantInWords(e.lastSeen)}`,
    e.reason ? `${e.reason.text}\n— ${e.reason.by}, ${instantInWords(e.reason.at)}` : '',
    flags.join('\n') || 'reviewed',
  ];
});

export const firewallReviewDocument = (review: FirewallReview): ReportDocument => {
  const { context } = review;
  const firstPage: Block[] = [
    ...assumedWarning(context),
    { kind: 'paragraph', text: `The school's policy says: "${review.clause.text}" This review shows, for ${termInWords(context.current)}, how far the school's devices kept to it, `
      + 'from what each device\'s own monitoring agent reported every few minutes.' },
    { kind: 'paragraph', text: verdictSentence(review) },
  ];
  if (review.hasData) {
    firstPage.push(headlineTable(review), ...previousCoverageNote(review), { kind: 'paragraph', text: exceptionsSummary(review) });
    const actions = actionsOf(review);
    firstPage.push(actions.length === 0
      ? { kind: 'paragraph', text: 'Nothing needs doing before sign-off: every device kept its firewall on and every inbound rule has a reason reviewed this term.' }
      : { kind: 'paragraph', tone: 'warning', text: `Before signing off:\n${actions.map((a) => `•  ${a}`).join('\n')}` });
    firstPage.push({ kind: 'chart', title: 'School time with the firewall on, week by week', bars: review.weekly.map((w) => ({
      label: `${w.monday.slice(8, 10)}/${w.monday.slice(5, 7)}`, value: w.schoolDays === 0 ? null : w.onShare, ...(w.schoolDays === 0 ? { note: 'holiday' } : {}),
    })) });
  }
  firstPage.push(calendarNote(context));
  return {
    title: 'Termly firewall review',
    subtitle: subtitleOf(context),
    generated: generatedInWords(context),
    pages: [
      { title: 'Summary', blocks: firstPage },
      { title: 'Devices, worst first', blocks: [
        { kind: 'paragraph', tone: 'note', text: 'Share of each device\'s reported school time with the firewall on (by profile where the device has profiles, as Windows does), '
          + `each period it was off, and its last report. Between two reports a device is taken to be as it last reported, for at most ${context.holdMs / 3_600_000} hours (the school's "silent after" setting).` },
        { kind: 'table', csvName: 'devices', empty: 'No devices were enrolled during this term.',
          columns: [{ title: 'Device', width: 3 }, { title: 'Firewall on', width: 2, align: 'right' }, { title: 'By profile', width: 3 },
            { title: 'Off periods', width: 7 }, { title: 'Last report', width: 3 }],
          rows: deviceRows(review) },
      ] },
      { title: 'Inbound exceptions', blocks: [
        { kind: 'paragraph', tone: 'note', text: 'Every rule that let connections in to a school device during the term, how many devices carried it, when it was first and last seen, '
          + 'and why it is permitted. Record or confirm a reason with: invigilator-collector exception reason --school ID --rule KEY --reason TEXT --by EMAIL.' },
        { kind: 'table', csvName: 'exceptions', empty: 'No device reported an inbound allow rule during this term.',
          columns: [{ title: 'Key', width: 2.5 }, { title: 'What it lets in', width: 4.6 }, { title: 'Devices', width: 1.7, align: 'right' },
            { title: 'First / last seen', width: 3.1 }, { title: 'Reason (who and when)', width: 4.4 }, { title: 'Flag', width: 2.3 }],
          rows: exceptionRows(review) },
        { kind: 'heading', text: 'Devices whose rule list could not be read' },
        { kind: 'table', empty: 'Every device\'s list of inbound rules was read in full at its last report.',
          columns: [{ title: 'Device', width: 3 }, { title: 'Why not', width: 8 }, { title: 'Since', width: 3 }, { title: 'Read earlier this term', width: 2 }],
          rows: review.unreadable.map((u) => [u.hostname, u.problem, instantInWords(u.since), u.readEarlierInTerm ? 'yes' : 'no']) },
      ] },
      { title: 'Changes during the term', blocks: [
        { kind: 'table', empty: 'No inbound rule appeared or disappeared on any device during the term.',
          columns: [{ title: 'Change', width: 2 }, { title: 'Rule', width: 7 }, { title: 'Devices', width: 1.7, align: 'right' }, { title: 'First / last', width: 3.3 }],
          rows: review.ruleChanges.map((c) => [c.change, `${c.rule.key}: ${c.description}`, String(c.devices), `${instantInWords(c.firstAt)}\n${instantInWords(c.lastAt)}`]) },
        { kind: 'heading', text: 'Policy changes' },
        { kind: 'table', empty: 'The school\'s policy pack did not change during the term.',
          columns: [{ title: 'When', width: 3 }, { title: 'Change', width: 9 }],
          rows: review.packChanges.map((c) => [instantInWords(c.at), c.text]) },
        { kind: 'heading', text: 'Sign-off' },
        { kind: 'paragraph', text: 'Reviewed, and the reasons for the inbound exceptions above confirmed, by:' },
        { kind: 'signoff', roles: SIGN_OFF_ROLES },
      ] },
    ],
  };
};
