// Generated at build time by web/vite.config.ts: the compiled source text of each model function, by name.
declare module 'virtual:leptoguide/function-sources' {
  const sources: Readonly<Record<string, string>>;
  export default sources;
}
