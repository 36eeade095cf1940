import { BLOCK_CHANGE_KINDS } from '../compare';
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
import type { ReportAnnotation, ReportModel } from './model';
import { reportSections, type ReportSection } from './sections';

/**
 * The report as Markdown (CommonMark with GFM tables), with the same sections and words as the HTML template.
 * Text from the review is escaped, so a comment cannot add headings, links or HTML of its own.
 */
export function renderReportMarkdown(model: ReportModel): string {
  const sections = reportSections(model);
  const out: string[] = [];
  const v = model.reportedVersion;
  out.push(`# ${md(model.review.title)}`, '', '*Policy review report*', '');
  out.push(`- **Report date:** ${formatDateTime(model.generatedAt)}`);
  if (model.generatedBy) out.push(`- **Prepared by:** ${md(personLabel(model.generatedBy))}`);
  out.push(
    `- **Version reviewed:** ${v ? `${md(v.label)}${v.effectiveDate ? ` (effective ${formatDate(v.effectiveDate)})` : ''}` : 'no version imported yet'}`,
  );
  out.push(`- **Progress:** ${model.summary.reviewed} of ${model.summary.criteria} criteria reviewed`);
  out.push(`- **Checklist:** ${md(model.review.checklist)}`);
  out.push(`- **Review id:** \`${model.review.id}\``, '');
  out.push('## Contents', '');
  for (const s of sections) out.push(`${s.number}. [${md(s.title)}](#${slug(s)})`);
  out.push('');

  const heading = (id: ReportSection['id']) => {
    const s = sections.find((x) => x.id === id);
    out.push(`## ${s?.number}. ${md(s?.title ?? id)}`, '');
  };

  heading('versions');
  if (model.versions.length === 0) out.push('No version of the policy has been imported.', '');
  else {
    out.push('| Version | Effective | Source file | SHA-256 |', '|---|---|---|---|');
    for (const x of model.versions) {
      out.push(
        `| ${cell(x.label)}${x.reported ? ' (reviewed)' : ''} ` +
          `| ${x.effectiveDate ? formatDate(x.effectiveDate) : '—'} | ${cell(x.fileName)} ` +
          `(${cell(x.mediaType)}, ${formatBytes(x.bytes)}) | \`${x.sha256}\` |`,
      );
    }
    out.push('');
  }

  heading('committee');
  if (model.committee.length === 0) out.push('No committee members are recorded.', '');
  else {
    out.push('| Name | Role | Email |', '|---|---|---|');
    for (const m of model.committee)
      out.push(`| ${cell(m.name)} | ${ROLE_LABELS[m.role]} | ${m.email ? cell(m.email) : '—'} |`);
    out.push('');
  }

  heading('summary');
  const s = model.summary;
  out.push(`The committee reviewed ${s.reviewed} of ${s.criteria} criteria: ${verdictCountWords(s.verdicts)}.`, '');
  const order = VERDICT_COLUMNS;
  out.push(
    `| Category | ${order.map((x) => VERDICT_SHORT_LABELS[x]).join(' | ')} | Total |`,
    `|---|${order.map(() => '--:').join('|')}|--:|`,
  );
  for (const c of model.categories)
    out.push(`| ${cell(c.label)} | ${order.map((x) => c.verdicts[x]).join(' | ')} | ${c.criteria.length} |`);
  out.push(`| **All criteria** | ${order.map((x) => `**${s.verdicts[x]}**`).join(' | ')} | **${s.criteria}** |`, '');
  out.push(
    `**Open annotations:** ${s.openAnnotations.critical} critical, ${s.openAnnotations.major} ` +
      `major, ${s.openAnnotations.minor} minor, ${s.openAnnotations.info} for information. ` +
      `**Actions:** ${s.openActions} open, ${s.overdueActions} ` +
      `overdue.${s.unconfirmedAnnotations ? ` **Carried, not yet confirmed:** ${s.unconfirmedAnnotations}.` : ''}` +
      `${s.unresolvedConflicts ? ` **Conflicts between laptops, unresolved:** ${s.unresolvedConflicts}.` : ''}`,
    '',
  );
  if (s.seriousOpenAnnotations.length) {
    out.push('### Open critical and major annotations', '');
    for (const n of s.seriousOpenAnnotations) {
      const a = model.annotations[n - 1];
      if (a)
        out.push(
          `- **A${a.number}** ${SEVERITY_LABELS[a.severity]}, ${md(criterionTitles(model, a))}: “${md(shortQuote(a.quote, 160))}”`,
        );
    }
    out.push('');
  }

  heading('criteria');
  const criteriaNumber = sections.find((x) => x.id === 'criteria')?.number ?? 4;
  const listed = new Set<number>();
  model.categories.forEach((category, index) => {
    out.push(`### ${criteriaNumber}.${index + 1} ${md(category.label)}`, '');
    if (category.description) out.push(`*${md(category.description)}*`, '');
    for (const c of category.criteria) {
      out.push(`#### ${md(c.title)} (\`${c.id}\`): ${VERDICT_LABELS[c.verdict]}`, '');
      out.push(`*${md(c.question)}*${c.reference ? ` (${md(c.reference)})` : ''}`, '');
      if (c.rationale.trim())
        out.push(
          `**Rationale.** ${c.rationale
            .trim()
            .split(/\n\s*\n/)
            .map(md)
            .join('\n\n')}`,
          '',
        );
      if (c.assessedBy && c.assessedAt)
        out.push(`Verdict recorded by ${md(personLabel(c.assessedBy))}, ${formatDate(c.assessedAt)}.`, '');
      if (c.actions.length) {
        out.push('**Actions**', '');
        for (const a of c.actions)
          out.push(
            `- ${md(a.description)} — ${md(a.ownerName)}, due ${formatDate(a.dueDate)}, ${a.status === 'done' ? 'done' : a.overdue ? '**overdue**' : 'open'}`,
          );
        out.push('');
      }
      const supporting = new Set(c.supportingAnnotations);
      for (const n of c.annotations) {
        const a = model.annotations[n - 1];
        if (!a) continue;
        listed.add(n);
        out.push(...annotationMarkdown(a, supporting.has(n)), '');
      }
    }
  });
  const unlisted = model.annotations.filter((a) => !listed.has(a.number));
  if (unlisted.length) {
    out.push(`### ${criteriaNumber}.${model.categories.length + 1} Annotations on no criterion of the checklist`, '');
    for (const a of unlisted) out.push(...annotationMarkdown(a, false), '');
  }

  heading('votes');
  for (const line of votesIntro(model.votes)) out.push(md(line), '');
  if (model.votes?.criteria.length) {
    out.push(
      '| Criterion | Committee’s verdict | Agreement | Member | Vote | Rationale |',
      '|---|---|---|---|---|---|',
    );
    for (const c of model.votes.criteria)
      c.votes.forEach((v, i) => {
        const first = i === 0;
        const vote = v.dissents ? `**${VERDICT_LABELS[v.verdict]} (dissent)**` : VERDICT_LABELS[v.verdict];
        out.push(
          `| ${first ? cell(c.title) : ''} | ${first ? VERDICT_LABELS[c.committeeVerdict] : ''} ` +
            `| ${first ? agreementWords(c) : ''} ` +
            `| ${cell(personLabel({ name: v.voterName, role: v.voterRole }))} | ${vote} ` +
            `| ${v.rationale ? cell(v.rationale) : '—'} |`,
        );
      });
    out.push('');
  }

  heading('changes');
  const ch = model.changes;
  if (!ch) out.push(nothingToCompare(model), '');
  else if (!ch.available || !ch.counts)
    out.push(
      `From “${md(ch.from.label)}” to “${md(ch.to.label)}”. No comparison was available when this report was made.`,
      '',
    );
  else {
    const counts = ch.counts;
    const kinds = BLOCK_CHANGE_KINDS;
    out.push(`From “${md(ch.from.label)}” to “${md(ch.to.label)}”.`, '');
    out.push(
      `| ${kinds.map((k) => CHANGE_KIND_LABELS[k]).join(' | ')} |`,
      `|${kinds.map(() => '--:').join('|')}|`,
      `| ${kinds.map((k) => counts[k]).join(' | ')} |`,
      '',
    );
    if (ch.touchedCriteria.length) {
      out.push('### Criteria these changes touch', '');
      for (const t of ch.touchedCriteria) out.push(`- ${md(t.title)} (\`${t.id}\`)`);
      out.push('');
    } else out.push('The changes touch no annotated text.', '');
    if (ch.passages.length) {
      out.push('### Changed passages', '');
      for (const p of ch.passages) {
        const text = p.parts?.length
          ? p.parts
              .map((part, i, all) =>
                part.kind === 'removed'
                  ? `~~${md(part.text.trim())}~~ `
                  : part.kind === 'added'
                    ? `**${md(part.text.trim())}** `
                    : md(shortenContext(part.text, i === 0, i === all.length - 1)),
              )
              .join('')
          : `${p.before ? `~~${md(shortQuote(p.before, 300))}~~` : ''}${p.before && p.after ? ' → ' : ''}${p.after ? md(shortQuote(p.after, 300)) : ''}`;
        out.push(`- **${CHANGE_KIND_LABELS[p.kind]}.** ${text.replace(/\s*\n\s*/g, ' ')}`);
      }
      out.push('');
    }
  }

  heading('actions');
  if (model.actionPlan.length === 0) out.push('No action is open.', '');
  else {
    out.push('| Due | Action | Owner | Criterion |', '|---|---|---|---|');
    for (const a of model.actionPlan)
      out.push(
        `| ${formatDate(a.dueDate)}${a.overdue ? ' (**overdue**)' : ''} | ${cell(a.description)} | ${cell(a.ownerName)} | ${cell(a.criterionTitle)} |`,
      );
    out.push('');
  }

  heading('open-items');
  out.push('### Criteria not yet reviewed', '');
  if (model.openItems.unreviewedCriteria.length) {
    for (const c of model.openItems.unreviewedCriteria) out.push(`- ${md(c.title)} (\`${c.id}\`)`);
    out.push('');
  } else out.push('Every criterion has a verdict.', '');
  out.push('### Open annotations', '');
  if (model.openItems.openAnnotations.length === 0) out.push('No annotation is open.', '');
  else {
    out.push('| No. | Severity | Criteria | Text | Author |', '|---|---|---|---|---|');
    for (const n of model.openItems.openAnnotations) {
      const a = model.annotations[n - 1];
      if (a)
        out.push(
          `| A${a.number} | ${SEVERITY_LABELS[a.severity]} | ${cell(criterionTitles(model, a))} | ` +
            `“${cell(shortQuote(a.quote, 140))}” | ${cell(a.author.name)} |`,
        );
    }
    out.push('');
  }
  out.push('### Carried annotations not yet confirmed', '');
  out.push(
    model.openItems.unconfirmedAnnotations.length
      ? `Their words moved or changed when they were carried from an earlier version; nobody has ` +
          `confirmed the new place ` +
          `yet: ${model.openItems.unconfirmedAnnotations.map((n) => `A${n}`).join(', ')}.`
      : 'None: every carried annotation’s place is confirmed.',
    '',
  );
  out.push('### Conflicts between laptops not yet resolved', '');
  if (model.openItems.unresolvedConflicts.length === 0) out.push('None: every merged change is settled.', '');
  else {
    out.push('| Record | Field | Values |', '|---|---|---|');
    for (const c of model.openItems.unresolvedConflicts)
      out.push(
        `| ${cell(c.record)} | ${cell(c.field)} | ${c.sides
          .map((side) => cell(`${shortQuote(side.text, 140)}${side.author ? ` (${side.author})` : ''}`))
          .join('<br>')} |`,
      );
    out.push('');
  }

  heading('sign-off');
  if (model.signOffs.length) {
    out.push('| Signer | Meaning | Signed | Report file | SHA-256 |', '|---|---|---|---|---|');
    for (const so of model.signOffs) {
      out.push(
        `| ${cell(personLabel(so.signer))} | ${cell(so.meaning)} | ${formatDateTime(so.signedAt)} | ${cell(so.reportFile)} | \`${so.reportSha256}\` |`,
      );
    }
    out.push('');
  } else out.push('No sign-off was recorded in the review before this report was made.', '');
  out.push('The committee signs the PDF of this report digitally; `policy-review verify` checks those signatures.', '');
  return out.join('\n');
}

function annotationMarkdown(a: ReportAnnotation, supporting: boolean): string[] {
  const state = annotationStateWords(a);
  const lines = [
    `- **A${a.number}** · ${SEVERITY_LABELS[a.severity]} ` +
      `· ${state}${supporting ? ' · supports the verdict' : ''} ` +
      `· ${md(personLabel(a.author))}, ${formatDate(a.createdAt)}`,
    '',
    `  > ${md(shortQuote(a.quote))}`,
    '',
  ];
  for (const line of commentMarkdown(a.comment)) lines.push(`  ${line}`);
  for (const r of a.replies) {
    lines.push('', `  - *Reply by ${md(personLabel(r.author))}, ${formatDate(r.createdAt)}:*`);
    for (const line of commentMarkdown(r.comment)) lines.push(`    ${line}`);
  }
  return lines;
}

/** A comment's lines: its list items stay Markdown list items, everything else is escaped. */
function commentMarkdown(text: string): string[] {
  if (text.trim() === '') return ['*No comment.*'];
  const lines = text.split('\n').map((line) => {
    const item = /^( *)(- |\d+\. )(.*)$/.exec(line);
    return item ? `${item[1]}${item[2]}${md(item[3] ?? '')}` : `${md(line)}  `;
  });
  return lines;
}

function criterionTitles(model: ReportModel, a: ReportAnnotation): string {
  const all = model.categories.flatMap((c) => c.criteria);
  return a.criterionIds.map((id) => all.find((c) => c.id === id)?.title ?? id).join('; ');
}

/** Escapes Markdown syntax in text from the review, so it reads as the words it is. */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))
    .replace(/!(?=\\\[)/g, '\\!')
    .replace(/^(\s*)(#{1,6})(?=\s|$)/gm, (_m, space: string, hashes: string) => `${space}\\${hashes}`)
    .replace(
      /^(\s*)([-+]|\d+[.)])(?=\s)/gm,
      (_m, space: string, marker: string) => `${space}${marker.replace(/([-+.)])$/, '\\$1')}`,
    )
    .replace(/^(\s*)(=+|-+)\s*$/gm, (_m, space: string, rule: string) => `${space}\\${rule}`);
}

/** Text for a table cell: escaped, on one line. */
function cell(text: string): string {
  return md(text).replace(/\s*\n\s*/g, ' ');
}

/** The anchor GitHub-style renderers give a heading "N. Title". */
function slug(section: ReportSection): string {
  return `${section.number}. ${section.title}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
