/** Flags that work headless as root with no outside network. */
export declare const CHROMIUM_ARGS: string[];
/** The Chromium executable: REEL_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own. */
export declare function chromiumPath(): string | undefined;
/** Playwright launch options for that Chromium. */
export declare function chromiumLaunchOptions(): { executablePath?: string; args: string[] };
