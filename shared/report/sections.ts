import type { ReportModel } from './model';

export interface ReportSection {
  id: 'versions' | 'committee' | 'summary' | 'criteria' | 'votes' | 'changes' | 'actions' | 'open-items' | 'sign-off';
  number: number;
  title: string;
}

/** The report's numbered sections, in order: the table of contents of every rendering. */
export function reportSections(model: ReportModel): ReportSection[] {
  const changes = model.changes ? `Changes since “${model.changes.from.label}”` : 'Changes between versions';
  const titles: [ReportSection['id'], string][] = [
    ['versions', 'Versions reviewed'],
    ['committee', 'Committee'],
    ['summary', 'Summary'],
    ['criteria', 'Criteria and verdicts'],
    ['votes', 'Members’ votes'],
    ['changes', changes],
    ['actions', 'Action plan'],
    ['open-items', 'Open items'],
    ['sign-off', 'Sign-off'],
  ];
  return titles.map(([id, title], index) => ({ id, number: index + 1, title }));
}
