import { AppError } from '../../../../shared/errors';
import type { FormatParser } from '../types';

// Placeholder while the parser is written (issue 4); refuses clearly rather than guessing.
export const parseHtml: FormatParser = async (_bytes, { fileName }) => {
  throw new AppError('E_UNSUPPORTED', `“${fileName}”: this format cannot be imported yet.`);
};
