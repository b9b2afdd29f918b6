// The slice of papaparse's API the core uses. Declared here rather than taken from @types/papaparse, which pulls
// in @types/node and would let Node-only APIs slip into a core that must run in browsers too.
declare module 'papaparse' {
  interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: string;
    message: string;
    row?: number;
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }
  interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean;
  }
  const Papa: {parse<T>(input: string, config: ParseConfig): ParseResult<T>};
  export default Papa;
}
