/** wink-porter2-stemmer ships no types: it exports one function, word → Porter2 stem. */
declare module 'wink-porter2-stemmer' {
  function stem(word: string): string;
  export = stem;
}
