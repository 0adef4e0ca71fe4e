// `server-only` throws outside a React server bundle; tests call services directly.
export {};
