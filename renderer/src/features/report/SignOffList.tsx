import type { Review } from '../../../../shared/model';
import { Avatar } from '../../ui/Avatar';
import { countOf, formatDateTime } from '../../ui/format';
import { ROLE_LABELS } from '../committee';
import { shortHash } from './reportFormats';

/** One sign-off recorded in the review. */
export type SignOff = Review['signoffs'][number];

/** The sign-offs recorded in the review: who signed which report (by its hash), in what role, when and meaning what. */
export function SignOffList({ signoffs }: { signoffs: readonly SignOff[] }) {
  return (
    <div className="panel table-panel">
      <table className="table signoff-table">
        <caption className="visually-hidden">Sign-offs ({countOf(signoffs.length, 'sign-off')})</caption>
        <thead>
          <tr>
            <th scope="col">Signed by</th>
            <th scope="col">Role</th>
            <th scope="col">Meaning</th>
            <th scope="col">Report</th>
            <th scope="col">Signed</th>
          </tr>
        </thead>
        <tbody>
          {signoffs.map((signoff) => (
            <tr key={signoff.id}>
              <th scope="row">
                <span className="member-name">
                  <Avatar name={signoff.signer.name} />
                  <span>{signoff.signer.name}</span>
                </span>
              </th>
              <td>{signoff.signer.role ? ROLE_LABELS[signoff.signer.role] : '—'}</td>
              <td>{signoff.meaning}</td>
              <td>
                <span className="report-name">{signoff.reportFile}</span>
                <span className="report-detail">
                  SHA-256{' '}
                  <code className="report-hash" title={signoff.reportSha256}>
                    {shortHash(signoff.reportSha256)}
                  </code>
                </span>
              </td>
              <td>{formatDateTime(signoff.signedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
