export declare const DEV_URL: string;
export declare function normalisePublicUrl(url: string): string;
export declare function manifestForHost(xml: string, publicUrl: string): string;
