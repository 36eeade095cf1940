import { CATEGORY_INFO } from '../checklist/builtin';
import type { Category } from '../model';

/** A checklist category as the Checklist area and the report name it. */
export function categoryLabel(category: Category): string {
  return CATEGORY_INFO.find((info) => info.id === category)?.label ?? category;
}
