import { userInfo } from 'node:os';
import type { Author, Settings } from '../../../shared/model';

/** Who is acting: the name in settings, else the computer's user name, so no record is ever authorless. */
export function actorFromSettings(settings: Settings): Author {
  const user = settings.user;
  const author: Author = { name: user.name || computerUserName(), role: user.role };
  if (user.email) author.email = user.email;
  return author;
}

/** The name this computer knows the person by (their login), for records made before they give their own. */
export function computerUserName(): string {
  try {
    return userInfo().username || 'Unnamed reviewer';
  } catch {
    return 'Unnamed reviewer';
  }
}
