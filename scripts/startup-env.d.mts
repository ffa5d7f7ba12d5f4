/** Names of the variables {@link startupEnv} leaves out (see startup-env.mjs). */
export const STARTUP_VARIABLES: RegExp;
/** `env` (default: process.env) without the {@link STARTUP_VARIABLES}. */
export function startupEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
