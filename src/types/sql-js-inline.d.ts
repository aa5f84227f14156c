// sql.js ships its WASM build with the binary inlined as base64 under this path, without types of
// its own: it has the same API as the package's main entry.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
