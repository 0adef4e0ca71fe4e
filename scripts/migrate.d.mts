export function migrate(options?: { quiet?: boolean }): Promise<string[]>;
