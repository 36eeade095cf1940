import type { ActionPlanEntry } from '../../api';
import { AppError } from '../../errors';
import {
  Action,
  copyOf,
  needsAction,
  type Assessment,
  type Author,
  type Member,
  type Review,
  type Verdict,
} from '../../model';
import { VERDICT_LABELS } from '../../vocabulary';
import { validRecord } from '../valid-record';
import { recordAudit } from '../reviews/audit';
import { liveVersion } from '../versions/version-summary';
import { liveCriterion } from './set-assessment';
import type { Clock } from '../clock';

export type PlannedAction = Assessment['actions'][number];

export interface NewAction {
  versionId: string;
  criterionId: string;
  description: string;
  ownerId: string;
  dueDate: string;
}

/** Adds a corrective action, owned by a committee member, to a verdict of partly met or not met. */
export function addAction(review: Review, input: NewAction, actor: Author, clock: Clock): PlannedAction {
  const version = liveVersion(review, input.versionId);
  const criterion = liveCriterion(review, input.criterionId);
  const assessment = review.assessments.find((a) => a.versionId === version.id && a.criterionId === criterion.id);
  if (!assessment || !needsAction(assessment.verdict)) {
    throw new AppError(
      'E_INVALID_INPUT',
      `An action belongs to a verdict of partly met or not met; “${criterion.title}” ` +
        `is ${verdictWords(assessment?.verdict ?? 'unreviewed')} for version “${version.label}”.`,
    );
  }
  const owner = liveMember(review, input.ownerId);
  const now = clock.now();
  const action = validRecord(
    Action,
    {
      id: clock.newId(),
      description: input.description.trim(),
      ownerId: owner.id,
      dueDate: input.dueDate,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    },
    'action',
  );
  assessment.actions.push(action);
  recordAudit(
    review,
    actor,
    clock,
    'actions.add',
    `Added an action on “${criterion.title}” (version “${version.label}”) for ${owner.name}, due ${action.dueDate}: ${shorten(action.description)}`,
    action.id,
  );
  return action;
}

export interface ActionChanges {
  description?: string | undefined;
  ownerId?: string | undefined;
  dueDate?: string | undefined;
  status?: PlannedAction['status'] | undefined;
}

/**
 * Changes an action. Its description, owner and due date can change only while its verdict still calls for
 * action; marking it done (or open again) is always possible, so actions left from an earlier verdict can be closed.
 */
export function updateAction(
  review: Review,
  actionId: string,
  changes: ActionChanges,
  actor: Author,
  clock: Clock,
): PlannedAction {
  const { action, assessment } = liveAction(review, actionId);
  const said: string[] = [];
  const description = changes.description?.trim();
  const edits =
    (description !== undefined && description !== action.description) ||
    (changes.ownerId !== undefined && changes.ownerId !== action.ownerId) ||
    (changes.dueDate !== undefined && changes.dueDate !== action.dueDate);
  if (edits && !needsAction(assessment.verdict)) {
    throw new AppError(
      'E_INVALID_INPUT',
      `An action belongs to a verdict of partly met or not met; this one’s verdict is ` +
        `now ${verdictWords(assessment.verdict)}, so it can only be marked done or deleted.`,
    );
  }
  if (description !== undefined && description !== action.description) {
    action.description = description;
    said.push('description edited');
  }
  if (changes.ownerId !== undefined && changes.ownerId !== action.ownerId) {
    const owner = liveMember(review, changes.ownerId);
    said.push(`owner ${memberName(review, action.ownerId)} → ${owner.name}`);
    action.ownerId = owner.id;
  }
  if (changes.dueDate !== undefined && changes.dueDate !== action.dueDate) {
    said.push(`due ${action.dueDate} → ${changes.dueDate}`);
    action.dueDate = changes.dueDate;
  }
  if (changes.status !== undefined && changes.status !== action.status) {
    said.push(changes.status === 'done' ? 'marked done' : 'reopened');
    action.status = changes.status;
  }
  if (said.length === 0) return action;
  action.updatedAt = clock.now();
  validRecord(Action, action, 'action');
  recordAudit(
    review,
    actor,
    clock,
    'actions.update',
    `Changed the action on “${criterionTitle(review, assessment.criterionId)}” (${shorten(action.description)}): ${said.join('; ')}.`,
    action.id,
  );
  return action;
}

/** Leaves a tombstone. */
export function deleteAction(review: Review, actionId: string, actor: Author, clock: Clock): void {
  const { action, assessment } = liveAction(review, actionId);
  const now = clock.now();
  action.deletedAt = now;
  action.updatedAt = now;
  validRecord(Action, action, 'action');
  recordAudit(
    review,
    actor,
    clock,
    'actions.delete',
    `Deleted the action on “${criterionTitle(review, assessment.criterionId)}”: ${shorten(action.description)}`,
    action.id,
  );
}

/**
 * The action plan: every live action of the review's live versions and criteria, soonest due first, each with
 * what it is about and who owns it. Overdue means still open and due before today: the clock's date on this computer's calendar.
 */
export function actionPlan(review: Review, clock: Clock): ActionPlanEntry[] {
  const today = localDate(new Date(clock.now()));
  const versions = new Set(review.versions.filter((v) => !v.deletedAt).map((v) => v.id));
  const criteria = new Map(
    review.checklist.criteria.filter((c) => !c.deletedAt).map((c, index) => [c.id, { criterion: c, index }]),
  );
  const entries: (ActionPlanEntry & { order: number })[] = [];
  for (const assessment of review.assessments) {
    const about = criteria.get(assessment.criterionId);
    if (!about || !versions.has(assessment.versionId)) continue;
    for (const action of assessment.actions) {
      if (action.deletedAt) continue;
      entries.push({
        action: copyOf(action),
        versionId: assessment.versionId,
        criterionId: about.criterion.id,
        criterionTitle: about.criterion.title,
        category: about.criterion.category,
        ownerName: memberName(review, action.ownerId),
        overdue: action.status === 'open' && action.dueDate < today,
        order: about.index,
      });
    }
  }
  entries.sort(
    (a, b) =>
      a.action.dueDate.localeCompare(b.action.dueDate) || a.order - b.order || a.ownerName.localeCompare(b.ownerName),
  );
  return entries.map(({ order: _order, ...entry }) => entry);
}

/** Today's date on this computer's calendar, as `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function liveAction(review: Review, actionId: string): { action: PlannedAction; assessment: Assessment } {
  for (const assessment of review.assessments) {
    const action = assessment.actions.find((a) => a.id === actionId && !a.deletedAt);
    if (!action) continue;
    const version = review.versions.find((v) => v.id === assessment.versionId);
    if (!version || version.deletedAt)
      throw new AppError(
        'E_INVALID_INPUT',
        `This action is on version “${version?.label ?? 'unknown'}”, which was deleted, so it cannot be changed.`,
      );
    return { action, assessment };
  }
  throw new AppError('E_NOT_FOUND', 'That action is not in this review any more; it may have been deleted.');
}

function liveMember(review: Review, memberId: string): Member {
  const member = review.committee.find((m) => m.id === memberId && !m.deletedAt);
  if (!member)
    throw new AppError(
      'E_NOT_FOUND',
      'The owner of an action must be a member of the committee; that person is not on it (any more). Choose a current member.',
    );
  return member;
}

/** A member's name, also for one who has left the committee since (their record stays as a tombstone). */
function memberName(review: Review, memberId: string): string {
  return review.committee.find((m) => m.id === memberId)?.name ?? 'Unknown member';
}

function criterionTitle(review: Review, criterionId: string): string {
  return review.checklist.criteria.find((c) => c.id === criterionId)?.title ?? criterionId;
}

function verdictWords(verdict: Verdict): string {
  return VERDICT_LABELS[verdict].toLowerCase();
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
