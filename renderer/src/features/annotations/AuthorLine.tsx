import type { Author } from '../../../../shared/model';
import { ROLE_LABELS } from '../../../../shared/vocabulary';
import { Avatar } from '../../ui/Avatar';
import { formatDateTime } from '../../ui/format';

/** Who wrote something and when (and when it was last changed). */
export function AuthorLine({
  author,
  createdAt,
  updatedAt,
}: {
  author: Author;
  createdAt: string;
  updatedAt?: string;
}) {
  const edited = updatedAt !== undefined && updatedAt !== createdAt;
  return (
    <p className="author-line">
      <Avatar name={author.name} size="sm" />
      <span className="author-name">{author.name}</span>
      {author.role && <span className="author-role">{ROLE_LABELS[author.role]}</span>}
      <time dateTime={createdAt} className="author-time">
        {formatDateTime(createdAt)}
      </time>
      {edited && (
        <span className="author-time" title={`Edited ${formatDateTime(updatedAt)}`}>
          (edited)
        </span>
      )}
    </p>
  );
}
