// @bramus/specificity ships its types at the package root, but its "exports" map does not point to them, so
// TypeScript cannot find them; this states the one part used here (see its index.d.ts).
declare module '@bramus/specificity' {
  import type { Selector } from 'css-tree';

  export default class Specificity {
    static calculateForAST(selector: Selector): Specificity;
    readonly value: { a: number; b: number; c: number };
  }
}
