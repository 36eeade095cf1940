import { useRef, useState } from 'react';
import type { MemberInput } from '../../../../shared/api';
import type { Member } from '../../../../shared/model';
import { ROLE_LABELS } from '../../../../shared/vocabulary';
import { callInReview } from '../../api';
import { Avatar } from '../../ui/Avatar';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { countOf } from '../../ui/format';
import { FilterIcon, PencilIcon, PlusIcon, TrashIcon, UsersIcon } from '../../ui/icons';
import { useAction } from '../../ui/useAction';
import { AuditLog } from './AuditLog';
import { useAnnotations, useReviewData, useReviewNavigation } from '../workspace';
import './committee.css';
import { committeeWith, committeeWithout } from './committeeInput';
import { MemberDialog } from './MemberDialog';

export interface CommitteeAreaProps {
  reviewId: string;
  /** The live members, in the order they were added. */
  members: readonly Member[];
  readOnly: boolean;
  /** The area is on screen (its audit log is read again each time it is shown). */
  visible: boolean;
  onCommitteeChange: (members: Member[]) => void;
}

type Editing = { kind: 'add' } | { kind: 'edit'; member: Member } | { kind: 'remove'; member: Member };

/**
 * The people reviewing the policy, with their roles: add, edit and remove members, see each one's annotations in
 * the text, and the audit log of who changed what.
 */
export function CommitteeArea({ reviewId, members, readOnly, visible, onCommitteeChange }: CommitteeAreaProps) {
  const { annotations: store } = useReviewData();
  const { selectedVersion, setFilter, showArea } = useReviewNavigation();
  const annotations = useAnnotations(store);
  const annotationsBy = (name: string) => annotations.filter((a) => a.author.name === name).length;
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const setCommittee = useAction((next: MemberInput[]) =>
    callInReview(reviewId, 'committee.set', { reviewId, members: next }),
  );

  const start = (next: Editing) => {
    setCommittee.clearError();
    setEditing(next);
  };

  const apply = async (next: MemberInput[], message: string) => {
    const saved = await setCommittee.run(next);
    if (!saved) return;
    onCommitteeChange(saved);
    setEditing(undefined);
    setStatus(message);
  };

  const saveMember = (input: MemberInput) =>
    apply(
      committeeWith(members, input),
      input.id ? `Saved ${input.name}.` : `Added ${input.name} as ${ROLE_LABELS[input.role].toLowerCase()}.`,
    );

  return (
    <div className="area committee-area">
      <div className="area-toolbar">
        <div className="area-heading">
          <h2 ref={headingRef} tabIndex={-1} className="area-title">
            Committee
          </h2>
          <p className="area-subtitle">
            The people reviewing this policy. Their names and roles appear in the report and its sign-off block.
          </p>
        </div>
        {members.length > 0 && (
          <div className="area-toolbar-actions">
            <Button variant="primary" icon={<PlusIcon />} onClick={() => start({ kind: 'add' })} disabled={readOnly}>
              Add member
            </Button>
          </div>
        )}
      </div>

      {status && (
        <Banner tone="success" onDismiss={() => setStatus(undefined)}>
          {status}
        </Banner>
      )}

      {members.length === 0 ? (
        <EmptyState
          icon={<UsersIcon size={28} />}
          title="No committee members yet"
          headingLevel={3}
          actions={
            <Button variant="primary" icon={<PlusIcon />} onClick={() => start({ kind: 'add' })} disabled={readOnly}>
              Add member
            </Button>
          }
        >
          <p>
            Add the chair, the secretary and the members who will review this policy, with the role each of them plays.
          </p>
        </EmptyState>
      ) : (
        <div className="panel table-panel">
          <table className="table committee-table">
            <caption className="visually-hidden">Committee members ({countOf(members.length, 'member')})</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Email</th>
                <th scope="col">Annotations</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    <span className="member-name">
                      <Avatar name={member.name} />
                      <span>{member.name}</span>
                    </span>
                  </th>
                  <td>
                    <span className="badge badge-neutral">{ROLE_LABELS[member.role]}</span>
                  </td>
                  <td className={member.email ? 'member-email' : 'member-email is-empty'}>
                    {member.email ?? 'No email'}
                  </td>
                  <td className="member-annotations">
                    <span className="member-annotation-count">{annotationsBy(member.name)}</span>
                    {selectedVersion && (
                      <Button
                        variant="ghost"
                        size="sm"
                        icon={<FilterIcon />}
                        aria-label={`Show in text: annotations by ${member.name}`}
                        title={`Show only ${member.name}’s annotations in the Document area`}
                        onClick={() => {
                          setFilter({ author: member.name });
                          showArea('document');
                        }}
                      >
                        Show in text
                      </Button>
                    )}
                  </td>
                  <td className="row-actions">
                    {!readOnly && (
                      <>
                        <Button
                          variant="ghost"
                          size="sm"
                          icon={<PencilIcon />}
                          onClick={() => start({ kind: 'edit', member })}
                          aria-label={`Edit ${member.name}`}
                        >
                          Edit
                        </Button>
                        <Button
                          variant="ghost-danger"
                          size="sm"
                          icon={<TrashIcon />}
                          onClick={() => start({ kind: 'remove', member })}
                          aria-label={`Remove ${member.name}`}
                        >
                          Remove
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <AuditLog reviewId={reviewId} visible={visible} />

      {(editing?.kind === 'add' || editing?.kind === 'edit') && (
        <MemberDialog
          member={editing.kind === 'edit' ? editing.member : undefined}
          save={saveMember}
          busy={setCommittee.busy}
          error={setCommittee.error}
          onClose={() => setEditing(undefined)}
          returnFocusTo={() => headingRef.current}
        />
      )}
      {editing?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${editing.member.name} from the committee?`}
          confirmLabel="Remove member"
          onConfirm={() =>
            void apply(
              committeeWithout(members, editing.member.id),
              `Removed ${editing.member.name} from the committee.`,
            )
          }
          onCancel={() => setEditing(undefined)}
          busy={setCommittee.busy}
          error={setCommittee.error}
          returnFocusTo={() => headingRef.current}
        >
          <p>They are no longer listed on this review’s committee. Anything they already recorded keeps their name.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
