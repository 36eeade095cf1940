// css-tree's parser and generator load on their own, without its lexer and the large CSS data it reads (half
// the time to load css-tree here); @types/css-tree describes only the whole package, whose functions they are.
declare module 'css-tree/parser' {
  import { parse } from 'css-tree';

  export default parse;
}
declare module 'css-tree/generator' {
  import { generate } from 'css-tree';

  export default generate;
}
