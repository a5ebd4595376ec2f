/** The language of what the clerk reads: Vietnamese, or English on request (--lang en). */
export type Lang = 'vi' | 'en';
