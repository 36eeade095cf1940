import { BLOCK_CHANGE_KINDS } from '../compare';
import { SEVERITIES } from '../model';
import {
  CHANGE_KIND_LABELS,
  personLabel,
  ROLE_LABELS,
  SEVERITY_LABELS,
  VERDICT_LABELS,
  VERDICT_SHORT_LABELS,
} from '../vocabulary';
import {
  annotationStateWords,
  formatBytes,
  formatDate,
  formatDateTime,
  nothingToCompare,
  shortenContext,
  shortQuote,
  agreementWords,
  VERDICT_COLUMNS,
  verdictCountWords,
  votesIntro,
} from './labels';
import type { ChangedPassage, ReportAction, ReportAnnotation, ReportCriterion, ReportModel } from './model';
import { signatureSlotCount } from './page-layout';
import { reportStylesheet } from './report-style';
import { reportSections } from './sections';

export interface HtmlOptions {
  /** Adds the last page with room for the signatures, as the PDF export prints it. */
  forPrint?: boolean;
}

/**
 * The one HTML template of the report: a complete, self-contained page (no scripts, no remote resources, one
 * inline stylesheet) with a heading structure the PDF's tags and outline come from. Every string from the review
 * is escaped; nothing in a review can become markup.
 */
export function renderReportHtml(model: ReportModel, options: HtmlOptions = {}): string {
  const title = model.review.title;
  const sections = reportSections(model);
  const body = [
    cover(model),
    `<nav aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${sections
      .map((s) => `<li><a href="#${s.id}">${s.number}. ${esc(s.title)}</a></li>`)
      .join('')}</ol></nav>`,
    '<main>',
    section('versions', sections, versionsSection(model)),
    section('committee', sections, committeeSection(model)),
    section('summary', sections, summarySection(model)),
    section('criteria', sections, criteriaSection(model, sections.find((s) => s.id === 'criteria')?.number ?? 4)),
    section('votes', sections, votesSection(model)),
    section('changes', sections, changesSection(model)),
    section('actions', sections, actionPlanSection(model)),
    section('open-items', sections, openItemsSection(model)),
    section('sign-off', sections, signOffSection(model)),
    options.forPrint ? signaturePage(model) : '',
    '</main>',
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(model.generator ?? 'Policy Review Workstation')}">
<meta name="date" content="${esc(model.generatedAt)}">
<title>${esc(`Review report: ${title}`)}</title>
<style>${reportStylesheet(title)}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function section(id: string, sections: ReturnType<typeof reportSections>, content: string): string {
  const s = sections.find((x) => x.id === id);
  if (!s) return '';
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${s.number}. ${esc(s.title)}</h2>\n${content}</section>`;
}

function cover(model: ReportModel): string {
  const v = model.reportedVersion;
  const facts: [string, string][] = [
    ['Report date', esc(formatDateTime(model.generatedAt))],
    [
      'Version reviewed',
      v
        ? `${esc(v.label)}${v.effectiveDate ? ` (effective ${esc(formatDate(v.effectiveDate))})` : ''}`
        : '<span class="empty">No version imported yet</span>',
    ],
    ['Progress', `${model.summary.reviewed} of ${model.summary.criteria} criteria reviewed`],
    ['Checklist', esc(model.review.checklist)],
    ['Review id', `<code>${esc(model.review.id)}</code>`],
  ];
  if (model.generatedBy) facts.splice(1, 0, ['Prepared by', esc(personLabel(model.generatedBy))]);
  return `<header><p class="kicker">Policy review report</p><h1>${esc(model.review.title)}</h1><dl class="facts">${facts
    .map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`)
    .join('')}</dl></header>`;
}

function versionsSection(model: ReportModel): string {
  if (model.versions.length === 0) return '<p class="empty">No version of the policy has been imported.</p>';
  const rows = model.versions.map(
    (v) =>
      `<tr><th scope="row">${esc(v.label)}${v.reported ? ' <span class="badge verdict-met">reviewed</span>' : ''}</th>` +
      `<td>${v.effectiveDate ? esc(formatDate(v.effectiveDate)) : '—'}</td>` +
      `<td>${esc(v.fileName)}<br><span class="meta">${esc(v.mediaType)}, ${esc(formatBytes(v.bytes))}; ` +
      `imported ${esc(formatDate(v.importedAt))} by ${esc(v.importedBy)}</span></td>` +
      `<td class="hash">${esc(v.sha256)}</td></tr>`,
  );
  return (
    `<p>The exact files the committee reviewed. The SHA-256 of a file identifies its bytes: ` +
    `any change to the file gives a different value.</p>
<table><thead><tr><th scope="col" style="width:20%">Version</th>` +
    `<th scope="col" style="width:14%">Effective</th><th scope="col">Source file</th>` +
    `<th scope="col" style="width:31%">SHA-256</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function committeeSection(model: ReportModel): string {
  if (model.committee.length === 0) return '<p class="empty">No committee members are recorded.</p>';
  const rows = model.committee.map(
    (m) =>
      `<tr><th scope="row">${esc(m.name)}</th><td>${esc(ROLE_LABELS[m.role])}</td><td>${m.email ? esc(m.email) : '—'}</td></tr>`,
  );
  return `<table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Email</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function summarySection(model: ReportModel): string {
  const s = model.summary;
  const v = s.verdicts;
  const version = model.reportedVersion ? `“${esc(model.reportedVersion.label)}”` : 'the policy';
  const lead = `<p>The committee reviewed ${s.reviewed} of ${s.criteria} criteria on ${version}: ${verdictCountWords(v)}.</p>`;
  const head =
    `<tr><th scope="col">Category` +
    `</th>${VERDICT_COLUMNS.map((x) => `<th scope="col" class="num">${VERDICT_SHORT_LABELS[x]}</th>`).join('')}<th scope="col" class="num">Total` +
    `</th></tr>`;
  const row = (label: string, counts: Record<string, number>, cell: 'th' | 'td') =>
    `<tr><th scope="row">${esc(label)}</th>${VERDICT_COLUMNS.map(
      (x) => `<${cell} class="num">${counts[x] ?? 0}</${cell}>`,
    ).join('')}<${cell} class="num">${Object.values(counts).reduce((a, b) => a + b, 0)}</${cell}></tr>`;
  const table = `<table><caption>Verdicts by category</caption><thead>${head}</thead><tbody>${model.categories
    .map((c) => row(c.label, c.verdicts, 'td'))
    .join('')}</tbody><tfoot>${row('All criteria', v, 'td')}</tfoot></table>`;
  const open = s.openAnnotations;
  const overdue = s.overdueActions ? `, <span class="overdue">${s.overdueActions} overdue</span>` : '';
  const unconfirmed = s.unconfirmedAnnotations
    ? ` <span class="label">Carried, not yet confirmed:</span> ${s.unconfirmedAnnotations}.`
    : '';
  const conflicts = s.unresolvedConflicts
    ? ` <span class="label">Conflicts between laptops, unresolved:</span> ${s.unresolvedConflicts}.`
    : '';
  const openLine =
    `<p><span class="label">Open annotations:</span> ${open.critical} critical, ${open.major} major, ` +
    `${open.minor} minor, ${open.info} for information. ` +
    `<span class="label">Actions:</span> ${s.openActions} open${overdue}.${unconfirmed}${conflicts}</p>`;
  const serious = s.seriousOpenAnnotations.slice(0, SUMMARY_LIST_LIMIT).map((n) => annotationLine(model, n));
  const more = s.seriousOpenAnnotations.length - serious.length;
  const seriousList = s.seriousOpenAnnotations.length
    ? `<h3>Open critical and major annotations</h3>` +
      `<ul>${serious.join('')}</ul>${more > 0 ? `<p class="meta">… and ${more} more, listed under “Open items”.</p>` : ''}`
    : '<p>No critical or major annotation is open.</p>';
  return lead + table + openLine + seriousList;
}

const SUMMARY_LIST_LIMIT = 25;

/** One line about an annotation: number, severity, criteria, a short quote. */
function annotationLine(model: ReportModel, number: number): string {
  const a = model.annotations[number - 1];
  if (!a) return '';
  return (
    `<li><a href="#a-${a.number}"><span class="label">A${a.number}</span></a> ` +
    `<span class="badge severity-${a.severity}">${SEVERITY_LABELS[a.severity]}</span> ${esc(criterionTitles(model, a))}: ` +
    `“${esc(shortQuote(a.quote, 160))}”</li>`
  );
}

function criterionTitles(model: ReportModel, a: ReportAnnotation): string {
  const titles = a.criterionIds.map(
    (id) => model.categories.flatMap((c) => c.criteria).find((c) => c.id === id)?.title ?? id,
  );
  return titles.join('; ');
}

function criteriaSection(model: ReportModel, number: number): string {
  const parts: string[] = [
    `<p>Each criterion with the committee's verdict ` +
      `on ${model.reportedVersion ? `“${esc(model.reportedVersion.label)}”` : 'the policy'}, the ` +
      `reasons for it, the actions it calls for, and the annotations on it. Annotations are ` +
      `numbered in the order their text appears in the policy (A1, A2, …); one on several ` +
      `criteria is shown under each.</p>`,
  ];
  // Links to an annotation go to the first place it is printed.
  const anchored = new Set<number>();
  const anchorOnce = (n: number) => (anchored.has(n) ? false : (anchored.add(n), true));
  model.categories.forEach((category, index) => {
    parts.push(
      `<section aria-labelledby="cat-${category.category}"><h3 id="cat-${category.category}">${number}.${index + 1} ${esc(category.label)}</h3>`,
    );
    if (category.description) parts.push(`<p class="category-intro">${esc(category.description)}</p>`);
    for (const criterion of category.criteria) parts.push(criterionBlock(model, criterion, anchorOnce));
    parts.push('</section>');
  });
  const unlisted = model.annotations.filter((a) => !anchored.has(a.number));
  if (unlisted.length) {
    parts.push(
      `<section aria-labelledby="cat-none">` +
        `<h3 id="cat-none">${number}.${model.categories.length + 1} Annotations on no criterion of ` +
        `the checklist</h3><p class="category-intro">Their criteria were removed from the ` +
        `checklist.</p><ul class="annotations">${unlisted
          .map((a) => annotationBlock(a, false, anchorOnce(a.number)))
          .join('')}</ul></section>`,
    );
  }
  return parts.join('\n');
}

function criterionBlock(model: ReportModel, c: ReportCriterion, anchorOnce: (n: number) => boolean): string {
  const out: string[] = [`<article class="criterion" id="c-${esc(c.id)}" aria-labelledby="c-${esc(c.id)}-title">`];
  out.push(
    `<div class="criterion-head"><h4 id="c-${esc(c.id)}-title">${esc(c.title)} ` +
      `<span class="criterion-id">${esc(c.id)}</span></h4>` +
      `<span class="badge verdict-${c.verdict}">${esc(VERDICT_LABELS[c.verdict])}</span></div>`,
  );
  out.push(
    `<p class="question">${esc(c.question)}${c.reference ? ` <span class="meta">(${esc(c.reference)})</span>` : ''}</p>`,
  );
  if (c.rationale.trim())
    out.push(`<div class="rationale"><span class="label">Rationale.</span> ${paragraphs(c.rationale)}</div>`);
  else if (c.verdict !== 'unreviewed') out.push('<p class="empty">No rationale was recorded.</p>');
  if (c.assessedBy && c.assessedAt)
    out.push(
      `<p class="meta">Verdict recorded by ${esc(personLabel(c.assessedBy))}, ${esc(formatDate(c.assessedAt))}.</p>`,
    );
  if (c.actions.length)
    out.push(`<p class="label">Actions</p><ul>${c.actions.map((a) => `<li>${actionText(a)}</li>`).join('')}</ul>`);
  if (c.annotations.length) {
    const supporting = new Set(c.supportingAnnotations);
    out.push(
      `<p class="label">Annotations (${c.annotations.length}${supporting.size ? `, ${supporting.size} cited in support of the verdict` : ''})` +
        `</p><ul class="annotations">${c.annotations
          .map((n) => {
            const a = model.annotations[n - 1];
            return a ? annotationBlock(a, supporting.has(n), anchorOnce(n)) : '';
          })
          .join('')}</ul>`,
    );
  }
  out.push('</article>');
  return out.join('\n');
}

/** An annotation in full: quote, severity and state, author, comment and replies. */
function annotationBlock(a: ReportAnnotation, supporting: boolean, withAnchor: boolean): string {
  const anchor = withAnchor ? ` id="a-${a.number}"` : '';
  const state = annotationStateWords(a);
  const replies = a.replies.length
    ? `<ol class="replies">${a.replies
        .map(
          (r) =>
            `<li class="reply"><span class="meta">Reply by ${esc(personLabel(r.author))}, ${esc(formatDate(r.createdAt))}</span>${commentHtml(r.comment, 'reply')}</li>`,
        )
        .join('')}</ol>`
    : '';
  const supportMark = supporting ? ' · <strong>supports the verdict</strong>' : '';
  return (
    `<li class="annotation"${anchor}><p class="annotation-head">` +
    // Number and severity in one element: every element is tagged in the PDF, and a report holds thousands of these.
    `<span class="badge severity-${a.severity}">A${a.number} · ${SEVERITY_LABELS[a.severity]}</span> ${esc(state)}${supportMark} ` +
    `· ${esc(personLabel(a.author))}, ${esc(formatDate(a.createdAt))}</p>` +
    `<blockquote>“${esc(shortQuote(a.quote))}”</blockquote>${commentHtml(a.comment, 'comment')}${replies}</li>`
  );
}

/**
 * A comment's plain text: a paragraph per line, list items (`- item`, `1. item`) indented by their nesting.
 * Comments are plain text by the time they reach the report, so nothing in them can be markup.
 */
function commentHtml(text: string, kind: 'comment' | 'reply'): string {
  if (text.trim() === '') return `<p class="${kind} empty">No comment.</p>`;
  return text
    .split('\n')
    .map((line) => {
      const item = /^( *)(- |\d+\. )/.exec(line);
      const depth = Math.min(3, Math.floor((item?.[1]?.length ?? 0) / 2));
      return item
        ? `<p class="${kind} item depth-${depth}">${esc(line.trimStart())}</p>`
        : `<p class="${kind}">${esc(line)}</p>`;
    })
    .join('');
}

function lines(text: string): string {
  return text.split('\n').map(esc).join('<br>');
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => (i === 0 ? `${lines(p)}` : `<p>${lines(p)}</p>`))
    .join('');
}

function actionText(a: ReportAction): string {
  const owner = a.ownerRole ? `${a.ownerName} (${ROLE_LABELS[a.ownerRole]})` : a.ownerName;
  const status = a.status === 'done' ? 'done' : a.overdue ? '<span class="overdue">overdue</span>' : 'open';
  return `${esc(a.description)} <span class="meta">— ${esc(owner)}, due ${esc(formatDate(a.dueDate))}, ${status}</span>`;
}

function changesSection(model: ReportModel): string {
  const c = model.changes;
  if (!c) return `<p class="empty">${esc(nothingToCompare(model))}</p>`;
  const intro = `<p>From “${esc(c.from.label)}” to “${esc(c.to.label)}”.</p>`;
  if (!c.available || !c.counts)
    return `${intro}<p class="empty">No comparison of the two versions was available when this report was made.</p>`;
  const counts = c.counts;
  const kinds = BLOCK_CHANGE_KINDS;
  const table = `<table><caption>Blocks of text (headings, paragraphs, list items, table cells) by kind of change</caption><thead><tr>${kinds
    .map((k) => `<th scope="col" class="num">${CHANGE_KIND_LABELS[k]}</th>`)
    .join(
      '',
    )}</tr></thead><tbody><tr>${kinds.map((k) => `<td class="num">${counts[k]}</td>`).join('')}</tr></tbody></table>`;
  const touched = c.touchedCriteria.length
    ? `<h3>Criteria these changes touch</h3><p>Annotations on these criteria sit in text that ` +
      `changed; the committee should check their verdicts again.</p><ul>${c.touchedCriteria
        .map(
          (t) =>
            `<li><a href="#c-${esc(t.id)}">${esc(t.title)}</a> <span class="criterion-id">${esc(t.id)}</span></li>`,
        )
        .join('')}</ul>`
    : '<p>The changes touch no annotated text.</p>';
  const passages = c.passages.length
    ? `<h3>Changed passages</h3><p class="meta">Removed words are struck through, added words underlined.</p><ul class="changes-passages">${c.passages
        .slice(0, PASSAGE_LIMIT)
        .map((p) => `<li><span class="label">${esc(CHANGE_KIND_LABELS[p.kind])}.</span> ${passageHtml(p)}</li>`)
        .join(
          '',
        )}</ul>${c.passages.length > PASSAGE_LIMIT ? `<p class="meta">… and ${c.passages.length - PASSAGE_LIMIT} more changed passages.</p>` : ''}`
    : '';
  return intro + table + touched + passages;
}

const PASSAGE_LIMIT = 30;

/** A changed passage: the word diff inline, long unchanged stretches shortened; else what was removed or added. */
function passageHtml(p: ChangedPassage): string {
  if (p.parts?.length) {
    return p.parts
      .map((part, i, all) => {
        if (part.kind === 'removed') return `<del>${esc(part.text)}</del>`;
        if (part.kind === 'added') return `<ins>${esc(part.text)}</ins>`;
        return esc(shortenContext(part.text, i === 0, i === all.length - 1));
      })
      .join('');
  }
  if (p.before && p.after && p.before !== p.after)
    return `<del>${esc(shortQuote(p.before, 300))}</del> → <ins>${esc(shortQuote(p.after, 300))}</ins>`;
  const text = p.after ?? p.before ?? '';
  return p.kind === 'removed'
    ? `<del>${esc(shortQuote(text, 300))}</del>`
    : p.kind === 'added'
      ? `<ins>${esc(shortQuote(text, 300))}</ins>`
      : esc(shortQuote(text, 300));
}

function votesSection(model: ReportModel): string {
  const intro = votesIntro(model.votes).map((p) => `<p>${esc(p)}</p>`);
  const criteria = model.votes?.criteria ?? [];
  if (criteria.length === 0) return `<p class="empty">${esc(votesIntro(undefined)[0]!)}</p>`;
  const rows = criteria.map((c) => {
    const votes = c.votes.map((v) => {
      const voter = esc(personLabel({ name: v.voterName, role: v.voterRole }));
      const dissent = v.dissents ? ' <span class="badge dissent-mark">dissent</span>' : '';
      return (
        `<li${v.dissents ? ' class="dissent"' : ''}>` +
        `<span class="badge verdict-${v.verdict}">${VERDICT_LABELS[v.verdict]}</span> ${voter}${dissent}` +
        `${v.rationale ? `: ${esc(v.rationale)}` : ''}</li>`
      );
    });
    return (
      `<tr><th scope="row"><a href="#c-${esc(c.criterionId)}">${esc(c.title)}</a></th><td>` +
      `<span class="badge verdict-${c.committeeVerdict}">${VERDICT_LABELS[c.committeeVerdict]}</span>` +
      `</td><td>${esc(agreementWords(c))}</td><td><ul class="votes">${votes.join('')}</ul></td></tr>`
    );
  });
  return (
    `${intro.join('')}<table><thead><tr><th scope="col" style="width:24%">Criterion</th>` +
    `<th scope="col" style="width:15%">Committee’s verdict</th>` +
    `<th scope="col" style="width:14%">Agreement</th><th scope="col">Members’ votes and ` +
    `rationales</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function actionPlanSection(model: ReportModel): string {
  if (model.actionPlan.length === 0) return '<p class="empty">No action is open.</p>';
  const rows = model.actionPlan.map(
    (a) =>
      `<tr><td>${esc(formatDate(a.dueDate))}${a.overdue ? '<br><span class="overdue">overdue</span>' : ''}</td>` +
      `<td>${esc(a.description)}</td><td>${esc(a.ownerName)}${a.ownerRole ? `<br><span class="meta">${esc(ROLE_LABELS[a.ownerRole])}</span>` : ''}</td>` +
      `<td><a href="#c-${esc(a.criterionId)}">${esc(a.criterionTitle)}</a></td></tr>`,
  );
  return (
    `<p>Open actions, soonest due first.</p><table><thead><tr>` +
    `<th scope="col" style="width:16%">Due</th><th scope="col">Action</th>` +
    `<th scope="col" style="width:20%">Owner</th><th scope="col" style="width:24%">Criterion` +
    `</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function openItemsSection(model: ReportModel): string {
  const items = model.openItems;
  const parts: string[] = [];
  parts.push('<h3>Criteria not yet reviewed</h3>');
  const unreviewed = items.unreviewedCriteria.map(
    (c) => `<li><a href="#c-${esc(c.id)}">${esc(c.title)}</a> <span class="criterion-id">${esc(c.id)}</span></li>`,
  );
  parts.push(
    items.unreviewedCriteria.length ? `<ul>${unreviewed.join('')}</ul>` : '<p>Every criterion has a verdict.</p>',
  );
  parts.push('<h3>Open annotations</h3>');
  if (items.openAnnotations.length === 0) parts.push('<p>No annotation is open.</p>');
  else parts.push(openAnnotationsByCriterion(model, items.openAnnotations));
  parts.push('<h3>Carried annotations not yet confirmed</h3>');
  parts.push(
    items.unconfirmedAnnotations.length
      ? `<p>Their words moved or changed when they were carried from an earlier version; nobody ` +
          `has confirmed the new place yet: ${items.unconfirmedAnnotations.map((n) => `<a href="#a-${n}">A${n}</a>`).join(', ')}.</p>`
      : '<p>None: every carried annotation’s place is confirmed.</p>',
  );
  parts.push('<h3>Conflicts between laptops not yet resolved</h3>');
  if (items.unresolvedConflicts.length === 0) parts.push('<p>None: every merged change is settled.</p>');
  else {
    const rows = items.unresolvedConflicts.map(
      (c) =>
        `<tr><td>${esc(c.record)}</td><td>${esc(c.field)}</td><td><ul>${c.sides
          .map((side) => `<li>${esc(shortQuote(side.text, 140))}${side.author ? ` (${esc(side.author)})` : ''}</li>`)
          .join('')}</ul></td></tr>`,
    );
    parts.push(
      `<p>The same field was changed differently on two laptops; both values are kept until a person keeps one.</p>` +
        `<table><thead><tr><th scope="col" style="width:38%">Record</th><th scope="col" style="width:14%">Field</th>` +
        `<th scope="col">Values</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  return parts.join('\n');
}

/**
 * The open annotations as an index: a line per criterion, its open annotations by severity (most severe first) and
 * number, linked once to the criterion's section, where each is printed in full (an annotation on several criteria
 * is under each). A row and a link per annotation, as a table, made a 500-page review's report print at three times
 * the cost per page of the policy's own text: every page looks up every element a link points to.
 */
function openAnnotationsByCriterion(model: ReportModel, open: number[]): string {
  const annotations = open.flatMap((n) => model.annotations[n - 1] ?? []);
  const criteria = model.categories.flatMap((category) => category.criteria);
  const known = new Set(criteria.map((c) => c.id));
  const line = (place: string, on: ReportAnnotation[]) => {
    const bySeverity = [...SEVERITIES].reverse().flatMap((severity) => {
      const numbers = on.filter((a) => a.severity === severity).map((a) => `A${a.number}`);
      return numbers.length ? [`${SEVERITY_LABELS[severity]} ${numbers.join(', ')}`] : [];
    });
    return `<li>${place}: ${bySeverity.join('; ')}.</li>`;
  };
  const lines = criteria.flatMap((c) => {
    const on = annotations.filter((a) => a.criterionIds.includes(c.id));
    const place = `<a href="#c-${esc(c.id)}">${esc(c.title)}</a> <span class="criterion-id">${esc(c.id)}</span>`;
    return on.length ? [line(place, on)] : [];
  });
  const onNone = annotations.filter((a) => !a.criterionIds.some((id) => known.has(id)));
  if (onNone.length) lines.push(line('On no criterion of the checklist', onNone));
  return (
    `<p>${annotations.length === 1 ? 'One annotation is' : `${annotations.length} annotations are`} open. Each is printed in full under ` +
    `its criterion in “Criteria”; one on several criteria is listed under each.</p><ul class="open-index">${lines.join('')}</ul>`
  );
}

function signOffSection(model: ReportModel): string {
  const parts: string[] = [];
  if (model.signOffs.length) {
    const rows = model.signOffs.map(
      (s) =>
        `<tr><th scope="row">${esc(s.signer.name)}${s.signer.role ? `<br><span class="meta">${esc(ROLE_LABELS[s.signer.role])}</span>` : ''}</th>` +
        `<td>${esc(s.meaning)}</td><td>${esc(formatDateTime(s.signedAt))}</td>` +
        `<td>${esc(s.reportFile)}<br><span class="hash">${esc(s.reportSha256)}</span></td></tr>`,
    );
    parts.push(
      `<p>Sign-offs recorded in the review before this report was made.</p><table><thead><tr>` +
        `<th scope="col" style="width:22%">Signer</th><th scope="col" style="width:16%">Meaning` +
        `</th><th scope="col" style="width:20%">Signed</th><th scope="col">Report signed (file and ` +
        `SHA-256)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  } else parts.push('<p>No sign-off was recorded in the review before this report was made.</p>');
  parts.push(
    `<p class="sig-note">Committee members sign this report digitally, each stating what the ` +
      `signature means (reviewed, approved, legal review). The signatures are part of the PDF ` +
      `file: any PDF reader shows who signed and when, and whether the file changed after ` +
      `signing; <code>policy-review verify</code> checks the same from the command line. A ` +
      `printed copy carries no signature of its own.</p>`,
  );
  return parts.join('\n');
}

function signaturePage(model: ReportModel): string {
  const slots = signatureSlotCount(model.committee.length);
  return (
    `<section class="signature-page" aria-labelledby="signatures-title"><div class="head">` +
    `<h2 id="signatures-title">Signatures</h2><p class="meta">Digital signatures of the ` +
    `committee on this report (${slots} fields). Each shows the signer, their role, what the ` +
    `signature means and when it was made. A field that is empty has not been signed.</p></div>` +
    `<div class="slots" aria-hidden="true"></div></section>`
  );
}
