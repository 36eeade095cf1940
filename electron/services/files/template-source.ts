import type { ImportSource } from '../../../shared/api';
import { MAX_TEMPLATE_BYTES } from '../../../shared/checklist/template';
import { templateTooLarge } from '../../../shared/domain/checklist/checklist-template';
import { readImportSource, type SourceFile, type TakeChosenPath } from './read-source';

/**
 * The name and bytes of a template file, dropped on the page or chosen in main's dialog. A file over the size
 * limit is refused before it is read, with a message about templates (not about importing policies).
 */
export async function readTemplateSource(source: ImportSource, takeChosenPath: TakeChosenPath): Promise<SourceFile> {
  return readImportSource(source, takeChosenPath, MAX_TEMPLATE_BYTES, templateTooLarge);
}
