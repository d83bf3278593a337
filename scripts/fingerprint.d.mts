export declare const tabInputs: (root: string) => string[];
export declare const serverInputs: (root: string) => string[];
export declare function fingerprintOf(root: string, inputs: string[]): string;
export declare function isCurrent(stampFile: string, fingerprint: string): boolean;
